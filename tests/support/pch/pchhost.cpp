// The executable that owns the tests' shared precompiled header (cmake/PrecompiledHeaders.cmake);
// it is never run.
int main() {
    return 0;
}
