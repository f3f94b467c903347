<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ComparisonFrames</name>
    <message>
        <source>a comparison needs at least one pane</source>
        <translation>比较至少需要一个窗格</translation>
    </message>
    <message>
        <source>the forward noise must have the same shape as the data (%1×%2)</source>
        <translation>前向噪声的形状必须与数据相同（%1×%2）</translation>
    </message>
    <message>
        <source>t = %1 / %2    ᾱₜ = %3</source>
        <translation>t = %1 / %2    ᾱₜ = %3</translation>
    </message>
    <message>
        <source>not sampled yet</source>
        <translation>尚未采样</translation>
    </message>
    <message>
        <source>    (state of t = %1)</source>
        <translation>    （t = %1 时的状态）</translation>
    </message>
    <message>
        <source>a comparison needs data</source>
        <translation>比较需要数据</translation>
    </message>
</context>
<context>
    <name>FrameSource</name>
    <message>
        <source>the forward noise must have the same shape as the data (%1×%2)</source>
        <translation>前向噪声的形状必须与数据相同（%1×%2）</translation>
    </message>
    <message>
        <source>a reverse animation needs a sampled trajectory: sample first</source>
        <translation>反向动画需要一条采样轨迹：请先采样</translation>
    </message>
    <message>
        <source>no frame in the chosen range: t from %1 to %2 with stride %3</source>
        <translation>所选范围内没有帧：t 从 %1 到 %2，步长 %3</translation>
    </message>
    <message>
        <source>t = %1 / %2    ᾱₜ = %3</source>
        <translation>t = %1 / %2    ᾱₜ = %3</translation>
    </message>
    <message>
        <source>forward process    %1</source>
        <translation>前向过程    %1</translation>
    </message>
    <message>
        <source>reverse process    %1</source>
        <translation>反向过程    %1</translation>
    </message>
    <message>
        <source>reverse process · %1    %2</source>
        <translation>反向过程 · %1    %2</translation>
    </message>
    <message>
        <source>a comparison is drawn by ComparisonFrames, not FrameSource</source>
        <translation>比较由 ComparisonFrames 绘制，而不是 FrameSource</translation>
    </message>
</context>
<context>
    <name>GifWriter</name>
    <message>
        <source>cannot write the GIF %1: %2 (%3)</source>
        <translation>无法写入 GIF %1：%2（%3）</translation>
    </message>
    <message>
        <source>a GIF must be 1 to 65535 pixels on each side</source>
        <translation>GIF 每边必须为 1 到 65535 像素</translation>
    </message>
    <message>
        <source>cannot write the GIF %1: %2</source>
        <translation>无法写入 GIF %1：%2</translation>
    </message>
    <message>
        <source>giflib could not start</source>
        <translation>giflib 无法启动</translation>
    </message>
    <message>
        <source>writing the header failed</source>
        <translation>写入文件头失败</translation>
    </message>
    <message>
        <source>writing the loop extension failed</source>
        <translation>写入循环扩展失败</translation>
    </message>
    <message>
        <source>the GIF writer is not open</source>
        <translation>GIF 写入器未打开</translation>
    </message>
    <message>
        <source>every frame of a GIF must have the same size</source>
        <translation>GIF 的每一帧尺寸必须相同</translation>
    </message>
    <message>
        <source>writing frame %1 failed</source>
        <translation>写入第 %1 帧失败</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>closing the file failed</source>
        <translation>关闭文件失败</translation>
    </message>
</context>
<context>
    <name>PngSequenceWriter</name>
    <message>
        <source>%1 holds other files besides exported frames; frames are replaced only in a folder of their own (choose a new or empty folder)</source>
        <translation>%1 中除了导出的帧还有其他文件；只有在专用文件夹中才会替换帧（请选择一个新的或空的文件夹）</translation>
    </message>
    <message>
        <source>cannot create a temporary folder beside %1: %2</source>
        <translation>无法在 %1 旁边创建临时文件夹：%2</translation>
    </message>
    <message>
        <source>the PNG writer is not open</source>
        <translation>PNG 写入器未打开</translation>
    </message>
    <message>
        <source>cannot encode frame %1 as PNG</source>
        <translation>无法将第 %1 帧编码为 PNG</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot move the frames into %1: %2</source>
        <translation>无法将帧移动到 %1：%2</translation>
    </message>
    <message>
        <source>%1 now holds other frames; nothing was overwritten</source>
        <translation>%1 现在包含其他帧；未覆盖任何内容</translation>
    </message>
    <message>
        <source>cannot replace the frames in %1: %2</source>
        <translation>无法替换 %1 中的帧：%2</translation>
    </message>
    <message>
        <source>%1 holds other files besides exported frames; nothing was overwritten</source>
        <translation>%1 中除了导出的帧还有其他文件；未覆盖任何内容</translation>
    </message>
    <message>
        <source>cannot move %1 into %2: %3</source>
        <translation>无法将 %1 移动到 %2：%3</translation>
    </message>
</context>
<context>
    <name>VideoWriter</name>
    <message>
        <source>cannot write the video %1: %2</source>
        <translation>无法写入视频 %1：%2</translation>
    </message>
    <message>
        <source>
ffmpeg said:
%1</source>
        <translation>
ffmpeg 输出：
%1</translation>
    </message>
    <message>
        <source>MP4 and WebM export needs ffmpeg, which was not found on PATH; install it (Debian: apt-get install ffmpeg) or export a GIF or PNG frames instead</source>
        <translation>导出 MP4 和 WebM 需要 ffmpeg，但在 PATH 中未找到；请安装它（Debian：apt-get install ffmpeg），或改为导出 GIF 或 PNG 帧</translation>
    </message>
    <message>
        <source>video needs an even width and height (yuv420p), got %1×%2</source>
        <translation>视频的宽和高必须为偶数（yuv420p），当前为 %1×%2</translation>
    </message>
    <message>
        <source>cannot write to %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>ffmpeg did not start: %1</source>
        <translation>ffmpeg 未能启动：%1</translation>
    </message>
    <message>
        <source>the video writer is not open</source>
        <translation>视频写入器未打开</translation>
    </message>
    <message>
        <source>every frame of a video must have the same size</source>
        <translation>视频的每一帧尺寸必须相同</translation>
    </message>
    <message>
        <source>ffmpeg stopped reading frames</source>
        <translation>ffmpeg 停止读取帧</translation>
    </message>
    <message>
        <source>ffmpeg did not finish</source>
        <translation>ffmpeg 未能完成</translation>
    </message>
    <message>
        <source>ffmpeg failed with exit code %1</source>
        <translation>ffmpeg 失败，退出码 %1</translation>
    </message>
    <message>
        <source>%1 appeared while encoding; it was not overwritten</source>
        <translation>编码期间出现了 %1；未覆盖它</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
    <message>
        <source>cannot move the finished video into place</source>
        <translation>无法将完成的视频移动到目标位置</translation>
    </message>
</context>
<context>
    <name>dl::CoreMessage</name>
    <message>
        <source>model file %1: section %2 is malformed: %3</source>
        <translation>模型文件 %1：段 %2 格式错误：%3</translation>
    </message>
    <message>
        <source>cannot save model: %1</source>
        <translation>无法保存模型：%1</translation>
    </message>
    <message>
        <source>model file %1 is not a Diffusion Lab model (wrong magic bytes)</source>
        <translation>模型文件 %1 不是 Diffusion Lab 模型（魔数不符）</translation>
    </message>
    <message>
        <source>model file %1 is truncated: %2 bytes</source>
        <translation>模型文件 %1 不完整：只有 %2 字节</translation>
    </message>
    <message>
        <source>model file %1 is truncated: %2 bytes, the header says %3</source>
        <translation>模型文件 %1 不完整：%2 字节，文件头声明为 %3</translation>
    </message>
    <message>
        <source>model file %1 has format version %2, newer than this build reads (%3); open it with a newer Diffusion Lab</source>
        <translation>模型文件 %1 的格式版本为 %2，高于本程序能读取的版本（%3）；请用更新的 Diffusion Lab 打开</translation>
    </message>
    <message>
        <source>model file %1 has an invalid format version 0</source>
        <translation>模型文件 %1 的格式版本 0 无效</translation>
    </message>
    <message>
        <source>model file %1 has %2 unexpected bytes after its end</source>
        <translation>模型文件 %1 结尾之后多出 %2 字节</translation>
    </message>
    <message>
        <source>model file %1 is corrupted (checksum mismatch)</source>
        <translation>模型文件 %1 已损坏（校验和不符）</translation>
    </message>
    <message>
        <source>model file %1 is malformed: %2</source>
        <translation>模型文件 %1 格式错误：%2</translation>
    </message>
    <message>
        <source>model file %1 is incomplete: section %2 is missing</source>
        <translation>模型文件 %1 不完整：缺少段 %2</translation>
    </message>
    <message>
        <source>model file %1 is inconsistent: %2</source>
        <translation>模型文件 %1 内容不一致：%2</translation>
    </message>
    <message>
        <source>architecture: %1</source>
        <translation>网络结构：%1</translation>
    </message>
    <message>
        <source>schedule: %1</source>
        <translation>调度：%1</translation>
    </message>
    <message>
        <source>training settings: %1</source>
        <translation>训练设置：%1</translation>
    </message>
    <message>
        <source>hidden width must be from 1 to %1, got %2</source>
        <translation>隐藏层宽度必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>layers must be from 0 to %1, got %2</source>
        <translation>层数必须在 0 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>feature scale must be in (0, 10000], got %1</source>
        <translation>特征尺度必须在 (0, 10000] 内，当前为 %1</translation>
    </message>
    <message>
        <source>T must be an integer from %1 to %2, got %3</source>
        <translation>T 必须是 %1 到 %2 之间的整数，当前为 %3</translation>
    </message>
    <message>
        <source>beta_start must be in the open interval (0, 1), got %1</source>
        <translation>beta_start 必须在开区间 (0, 1) 内，当前为 %1</translation>
    </message>
    <message>
        <source>beta_end must be in the open interval (0, 1), got %1</source>
        <translation>beta_end 必须在开区间 (0, 1) 内，当前为 %1</translation>
    </message>
    <message>
        <source>zero terminal SNR needs T of at least 2, got %1</source>
        <translation>零终端 SNR 需要 T 至少为 2，当前为 %1</translation>
    </message>
    <message>
        <source>batch size must be from 1 to 1048576, got %1</source>
        <translation>批大小必须在 1 到 1048576 之间，当前为 %1</translation>
    </message>
    <message>
        <source>steps must be at least 1, got %1</source>
        <translation>步数至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>learning rate must be in (0, 10], got %1</source>
        <translation>学习率必须在 (0, 10] 内，当前为 %1</translation>
    </message>
    <message>
        <source>warm-up steps must not be negative, got %1</source>
        <translation>预热步数不能为负，当前为 %1</translation>
    </message>
    <message>
        <source>weight decay must be in [0, 1), got %1</source>
        <translation>权重衰减必须在 [0, 1) 内，当前为 %1</translation>
    </message>
    <message>
        <source>EMA decay must be in [0, 1), got %1</source>
        <translation>EMA 衰减必须在 [0, 1) 内，当前为 %1</translation>
    </message>
    <message>
        <source>threads must be from 1 to 256, got %1</source>
        <translation>线程数必须在 1 到 256 之间，当前为 %1</translation>
    </message>
    <message>
        <source>cannot normalise an empty data set</source>
        <translation>无法对空数据集做归一化</translation>
    </message>
    <message>
        <source>a point data set needs 2 columns (x, y), got %1</source>
        <translation>点数据集需要 2 列（x, y），当前为 %1 列</translation>
    </message>
    <message>
        <source>a point data set needs at least 1 point</source>
        <translation>点数据集至少需要 1 个点</translation>
    </message>
    <message>
        <source>a point data set must not contain NaN or infinite coordinates</source>
        <translation>点数据集不能包含 NaN 或无穷大的坐标</translation>
    </message>
    <message>
        <source>nothing drawn yet: draw at least one stroke</source>
        <translation>还没有绘制任何内容：请至少画一笔</translation>
    </message>
    <message>
        <source>the strokes would make %1 points, more than the limit of %2; lower the density</source>
        <translation>这些笔画会生成 %1 个点，超过上限 %2；请降低密度</translation>
    </message>
    <message>
        <source>the density is zero everywhere: there is nothing to sample points from</source>
        <translation>密度处处为零：无法从中采样点</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: it is a folder, not a file</source>
        <translation>无法读取 %1：它是文件夹，不是文件</translation>
    </message>
    <message>
        <source>cannot read %1: not a regular file (a device, pipe or socket)</source>
        <translation>无法读取 %1：不是普通文件（是设备、管道或套接字）</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2 MB, more than the %3 MB limit</source>
        <translation>无法读取 %1：文件大小 %2 MB，超过 %3 MB 的上限</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: no such file</source>
        <translation>无法读取“%1”：文件不存在</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: not a regular file</source>
        <translation>无法读取“%1”：不是普通文件</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: read error</source>
        <translation>无法读取“%1”：读取错误</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty; expected CSV lines &apos;x,y&apos;</source>
        <translation>“%1”是空文件；应为“x,y”格式的 CSV 行</translation>
    </message>
    <message>
        <source>%1 is not a text file (it contains NUL bytes); expected CSV lines &apos;x,y&apos;</source>
        <translation>%1 不是文本文件（包含 NUL 字节）；应为“x,y”格式的 CSV 行</translation>
    </message>
    <message>
        <source>%1 has no data row</source>
        <translation>%1 没有数据行</translation>
    </message>
    <message>
        <source>%1: x and y are the same column (%2)</source>
        <translation>%1：x 和 y 是同一列（%2）</translation>
    </message>
    <message>
        <source>%1: no column is named &apos;%2&apos;; the header has %3</source>
        <translation>%1：没有名为“%2”的列；表头包含 %3</translation>
    </message>
    <message>
        <source>unknown dataset &apos;%1&apos; (built-in shapes: %2)</source>
        <translation>未知数据集“%1”（内置形状：%2）</translation>
    </message>
    <message>
        <source>no image files given</source>
        <translation>没有给出图像文件</translation>
    </message>
    <message>
        <source>folder &apos;%1&apos; has no image files (%2)</source>
        <translation>文件夹“%1”中没有图像文件（%2）</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: no such file or folder</source>
        <translation>无法读取“%1”：文件或文件夹不存在</translation>
    </message>
    <message>
        <source>cannot read image %1: no such file</source>
        <translation>无法读取图像 %1：文件不存在</translation>
    </message>
    <message>
        <source>cannot read image %1: not a file</source>
        <translation>无法读取图像 %1：不是文件</translation>
    </message>
    <message>
        <source>cannot read image %1: permission denied</source>
        <translation>无法读取图像 %1：权限不足</translation>
    </message>
    <message>
        <source>image %1 is empty (0 bytes)</source>
        <translation>图像 %1 是空文件（0 字节）</translation>
    </message>
    <message>
        <source>image %1 is not in a format this build can read (%2)</source>
        <translation>图像 %1 的格式本程序无法读取（%2）</translation>
    </message>
    <message>
        <source>image %1 has no pixels</source>
        <translation>图像 %1 没有像素</translation>
    </message>
    <message>
        <source>the image has no pixels</source>
        <translation>图像没有像素</translation>
    </message>
    <message>
        <source>the glyph set needs at least one character</source>
        <translation>字形集至少需要一个字符</translation>
    </message>
    <message>
        <source>the text for a text shape is empty; type at least one character</source>
        <translation>文字形状的文本为空；请至少输入一个字符</translation>
    </message>
    <message>
        <source>the font %1 has no glyph for &apos;%2&apos;</source>
        <translation>字体 %1 中没有“%2”的字形</translation>
    </message>
    <message>
        <source>the text &apos;%1&apos; draws nothing to sample points from</source>
        <translation>文本“%1”没有画出可采样的点</translation>
    </message>
    <message>
        <source>JSON, line %1 column %2: %3</source>
        <translation>JSON，第 %1 行第 %2 列：%3</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>data dimension must be from 1 to %1, got %2</source>
        <translation>数据维度必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>input features must be 0 or an even number from 2 to %1, got %2</source>
        <translation>输入特征数必须为 0 或 2 到 %1 之间的偶数，当前为 %2</translation>
    </message>
    <message>
        <source>time embedding must be an even number from 2 to %1, got %2</source>
        <translation>时间嵌入维度必须是 2 到 %1 之间的偶数，当前为 %2</translation>
    </message>
    <message>
        <source>input features × data dimension must be at most 4194304, got %1</source>
        <translation>输入特征数 × 数据维度最多为 4194304，当前为 %1</translation>
    </message>
    <message>
        <source>the network has %1 weights, more than the limit of %2; use a smaller hidden width or fewer layers</source>
        <translation>网络有 %1 个权重，超过上限 %2；请减小隐藏层宽度或层数</translation>
    </message>
    <message>
        <source>training with batch %1, hidden width %2 and %3 layers needs about %4 of memory, more than the limit of %5; use a smaller batch or network</source>
        <translation>批大小 %1、隐藏层宽度 %2、%3 层的训练约需 %4 内存，超过上限 %5；请减小批大小或网络</translation>
    </message>
    <message>
        <source>parameter vector has %1 values, the network needs %2</source>
        <translation>参数向量有 %1 个值，网络需要 %2 个</translation>
    </message>
    <message>
        <source>timestep must be from 0 to %1, got %2</source>
        <translation>时间步必须在 0 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>Mlp::backward needs a forward pass with keepForBackward = true</source>
        <translation>Mlp::backward 需要先以 keepForBackward = true 做一次前向计算</translation>
    </message>
    <message>
        <source>predict: samples have %1 coordinates, the network expects %2</source>
        <translation>预测：样本有 %1 个坐标，网络需要 %2 个</translation>
    </message>
    <message>
        <source>predict: %1 timesteps for %2 samples</source>
        <translation>预测：%1 个时间步对应 %2 个样本，数量不符</translation>
    </message>
    <message>
        <source>denoiser: timestep must be from 1 to %1, got %2</source>
        <translation>去噪器：时间步必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>denoiser: samples have %1 coordinates, the model expects %2</source>
        <translation>去噪器：样本有 %1 个坐标，模型需要 %2 个</translation>
    </message>
    <message>
        <source>safetensors: %1 parameters, the network needs %2</source>
        <translation>safetensors：%1 个参数，网络需要 %2 个</translation>
    </message>
    <message>
        <source>needs %1 more bytes, %2 left</source>
        <translation>还需 %1 字节，只剩 %2 字节</translation>
    </message>
    <message>
        <source>implausible length %1</source>
        <translation>长度 %1 不合理</translation>
    </message>
    <message>
        <source>%1 unexpected trailing bytes</source>
        <translation>末尾多出 %1 字节</translation>
    </message>
    <message>
        <source>appears twice</source>
        <translation>出现了两次</translation>
    </message>
    <message>
        <source>unknown activation %1</source>
        <translation>未知的激活函数 %1</translation>
    </message>
    <message>
        <source>unknown prediction target %1</source>
        <translation>未知的预测目标 %1</translation>
    </message>
    <message>
        <source>unknown schedule kind</source>
        <translation>未知的调度类型</translation>
    </message>
    <message>
        <source>unknown data kind</source>
        <translation>未知的数据类型</translation>
    </message>
    <message>
        <source>reference sample shape %1×%2 does not match its %3 values</source>
        <translation>参考样本的形状 %1×%2 与其 %3 个值不符</translation>
    </message>
    <message>
        <source>held-out rows shape %1×%2 does not match its %3 values</source>
        <translation>留出数据的形状 %1×%2 与其 %3 个值不符</translation>
    </message>
    <message>
        <source>weights: %1 values, the architecture needs %2</source>
        <translation>权重：%1 个值，网络结构需要 %2 个</translation>
    </message>
    <message>
        <source>EMA weights: %1 values, the architecture needs %2</source>
        <translation>EMA 权重：%1 个值，网络结构需要 %2 个</translation>
    </message>
    <message>
        <source>optimizer state: sizes %1/%2 do not match %3 weights</source>
        <translation>优化器状态：大小 %1/%2 与 %3 个权重不符</translation>
    </message>
    <message>
        <source>normalisation: offset has the wrong dimension</source>
        <translation>归一化：偏移量的维度不对</translation>
    </message>
    <message>
        <source>normalisation: offset contains NaN or infinite values</source>
        <translation>归一化：偏移量含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>normalisation: scale must be positive and below 1e30</source>
        <translation>归一化：缩放必须为正且小于 1e30</translation>
    </message>
    <message>
        <source>normalisation: offset must be below 1e30</source>
        <translation>归一化：偏移量必须小于 1e30</translation>
    </message>
    <message>
        <source>normalisation: per-axis scales must be %1 positive numbers below 1e30</source>
        <translation>归一化：各轴缩放必须是 %1 个小于 1e30 的正数</translation>
    </message>
    <message>
        <source>data range: wrong dimension</source>
        <translation>数据范围：维度不对</translation>
    </message>
    <message>
        <source>data range contains NaN or infinite values</source>
        <translation>数据范围含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>reference sample: wrong dimension</source>
        <translation>参考样本：维度不对</translation>
    </message>
    <message>
        <source>reference sample contains NaN or infinite values</source>
        <translation>参考样本含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>image size %1×%2: each side must be from 1 to %3</source>
        <translation>图像尺寸 %1×%2：每边必须在 1 到 %3 之间</translation>
    </message>
    <message>
        <source>image channels must be 1, 3 or 4, got %1</source>
        <translation>图像通道数必须为 1、3 或 4，当前为 %1</translation>
    </message>
    <message>
        <source>image shape %1×%2×%3 does not match the data dimension %4</source>
        <translation>图像形状 %1×%2×%3 与数据维度 %4 不符</translation>
    </message>
    <message>
        <source>held-out rows: wrong dimension</source>
        <translation>留出数据：维度不对</translation>
    </message>
    <message>
        <source>held-out rows contain NaN or infinite values</source>
        <translation>留出数据含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>step count is negative</source>
        <translation>步数为负</translation>
    </message>
    <message>
        <source>weights contain NaN or infinite values</source>
        <translation>权重含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>timestep t must be from %1 to %2, got %3</source>
        <translation>时间步 t 必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>noise must have the same shape as the data</source>
        <translation>噪声的形状必须与数据相同</translation>
    </message>
    <message>
        <source>beta_start must not exceed beta_end, got beta_start = %1 &gt; beta_end = %2</source>
        <translation>beta_start 不能大于 beta_end，当前 beta_start = %1 &gt; beta_end = %2</translation>
    </message>
    <message>
        <source>custom beta array must have T = %1 values, got %2</source>
        <translation>自定义 beta 数组必须有 T = %1 个值，当前为 %2</translation>
    </message>
    <message>
        <source>custom beta at t = %1 must be in (0, 1), got %2</source>
        <translation>t = %1 处的自定义 beta 必须在 (0, 1) 内，当前为 %2</translation>
    </message>
    <message>
        <source>custom schedule needs a beta array of length T or at least 2 control points, got %1 control points</source>
        <translation>自定义调度需要长度为 T 的 beta 数组或至少 2 个控制点，当前有 %1 个控制点</translation>
    </message>
    <message>
        <source>control point %1: position u must be in [0, 1], got %2</source>
        <translation>控制点 %1：位置 u 必须在 [0, 1] 内，当前为 %2</translation>
    </message>
    <message>
        <source>control point %1: beta must be in (0, 1), got %2</source>
        <translation>控制点 %1：beta 必须在 (0, 1) 内，当前为 %2</translation>
    </message>
    <message>
        <source>control points must have strictly increasing positions u (point %1)</source>
        <translation>控制点的位置 u 必须严格递增（第 %1 个点）</translation>
    </message>
    <message>
        <source>zero terminal SNR cannot rescale a schedule whose alpha_bar does not decrease</source>
        <translation>alpha_bar 不递减的调度无法做零终端 SNR 重缩放</translation>
    </message>
    <message>
        <source>minimum learning rate fraction must be in [0, 1], got %1</source>
        <translation>最小学习率比例必须在 [0, 1] 内，当前为 %1</translation>
    </message>
    <message>
        <source>beta1 must be in [0, 1), got %1</source>
        <translation>beta1 必须在 [0, 1) 内，当前为 %1</translation>
    </message>
    <message>
        <source>beta2 must be in [0, 1), got %1</source>
        <translation>beta2 必须在 [0, 1) 内，当前为 %1</translation>
    </message>
    <message>
        <source>gradient clip must be finite, got %1</source>
        <translation>梯度裁剪阈值必须是有限数，当前为 %1</translation>
    </message>
    <message>
        <source>snapshot interval must not be negative, got %1</source>
        <translation>快照间隔不能为负，当前为 %1</translation>
    </message>
    <message>
        <source>the training set is empty</source>
        <translation>训练集为空</translation>
    </message>
    <message>
        <source>the training set contains NaN or infinite values</source>
        <translation>训练集含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>training diverged at step %1: the %2 is %3; the weights of the last good step are kept (try a lower learning rate)</source>
        <translation>训练在第 %1 步发散：%2为 %3；已保留最后一个正常步的权重（可尝试降低学习率）</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>非数值（NaN）</translation>
    </message>
    <message>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>saved training state has %1 parameters, the network needs %2</source>
        <translation>保存的训练状态有 %1 个参数，网络需要 %2 个</translation>
    </message>
    <message>
        <source>saved step count must not be negative, got %1</source>
        <translation>保存的步数不能为负，当前为 %1</translation>
    </message>
    <message>
        <source>quality check: no unseen data to compare the samples with</source>
        <translation>质量检查：没有未见过的数据可与样本比较</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: not a file name</source>
        <translation>无法写入“%1”：不是文件名</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: it is a symbolic link; give a regular file or a new name</source>
        <translation>无法写入“%1”：它是符号链接；请给出普通文件或新文件名</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: it exists and is not a regular file</source>
        <translation>无法写入“%1”：它已存在且不是普通文件</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: the points contain NaN or infinite values</source>
        <translation>无法写入“%1”：点含有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;: PNG encoding failed</source>
        <translation>无法写入“%1”：PNG 编码失败</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 MB, more than the %3 MB limit for a CSV file</source>
        <translation>“%1”有 %2 MB，超过 CSV 文件 %3 MB 的上限</translation>
    </message>
    <message>
        <source>the coordinates are too large to normalise (beyond ±1e30); rescale the data</source>
        <translation>坐标太大，无法归一化（超出 ±1e30）；请先缩放数据</translation>
    </message>
    <message>
        <source>the axes&apos; spreads differ %1: on one common scale the narrower axis is nearly flat and is learned badly; standardise each axis on its own</source>
        <translation>各轴的分布范围相差 %1：用同一尺度时较窄的轴几乎是平的，学得很差；请对每个轴分别标准化</translation>
    </message>
    <message>
        <source>infinitely (one axis is constant)</source>
        <translation>无穷倍（有一个轴是常数）</translation>
    </message>
    <message>
        <source>image shape must be at least 1×1 with 1 or 3 channels, got %1×%2×%3</source>
        <translation>图像形状至少为 1×1，通道数为 1 或 3，当前为 %1×%2×%3</translation>
    </message>
    <message>
        <source>image data have %1 values per image, the shape needs %2</source>
        <translation>图像数据每张有 %1 个值，形状需要 %2 个</translation>
    </message>
    <message>
        <source>an image data set needs at least 1 image</source>
        <translation>图像数据集至少需要 1 张图像</translation>
    </message>
    <message>
        <source>density grid must be at least 1×1, got %1×%2</source>
        <translation>密度网格至少为 1×1，当前为 %1×%2</translation>
    </message>
    <message>
        <source>density grid has %1 values, expected %2</source>
        <translation>密度网格有 %1 个值，应为 %2 个</translation>
    </message>
    <message>
        <source>number of points must be from 1 to %1, got %2</source>
        <translation>点数必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>density values must be finite and ≥ 0</source>
        <translation>密度值必须是有限数且 ≥ 0</translation>
    </message>
    <message>
        <source>images have %1 values each, the image shape needs %2</source>
        <translation>每张图像有 %1 个值，图像形状需要 %2 个</translation>
    </message>
    <message>
        <source>augmentation copies must be from 1 to %1, got %2</source>
        <translation>增强副本数必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>augmentation shift must be ≥ 0, got %1</source>
        <translation>增强平移量必须 ≥ 0，当前为 %1</translation>
    </message>
    <message>
        <source>%1 augmented images of %2 values are more than the limit of %3 values</source>
        <translation>%1 张增强图像、每张 %2 个值，超过上限 %3 个值</translation>
    </message>
    <message>
        <source>brush radius must be a finite number ≥ 0, got %1</source>
        <translation>画笔半径必须是 ≥ 0 的有限数，当前为 %1</translation>
    </message>
    <message>
        <source>stroke density must be a finite number &gt; 0, got %1</source>
        <translation>笔画密度必须是 &gt; 0 的有限数，当前为 %1</translation>
    </message>
    <message>
        <source>stroke %1 has a point that is not a finite number</source>
        <translation>笔画 %1 有一个点不是有限数</translation>
    </message>
    <message>
        <source>a comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>a semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>spaces</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>%1: there is no column %2; the rows have %3 columns, numbered 1 to %4</source>
        <translation>%1：没有第 %2 列；各行有 %3 列，编号 1 到 %4</translation>
    </message>
    <message>
        <source>%1: column &apos;%2&apos; is a name, but the file has no header line; give its number (1 to %3)</source>
        <translation>%1：列“%2”是列名，但文件没有表头行；请给出列号（1 到 %3）</translation>
    </message>
    <message>
        <source>point CSV needs 2 columns, got %1</source>
        <translation>点 CSV 需要 2 列，当前为 %1</translation>
    </message>
    <message>
        <source>columns: expected two columns separated by a comma, by number (3,4) or header name (petal_length,petal_width), got &apos;%1&apos;</source>
        <translation>列：应为用逗号分隔的两列，用列号 (3,4) 或表头名 (petal_length,petal_width) 表示，当前为“%1”</translation>
    </message>
    <message>
        <source>%1, line %2 %3: %4</source>
        <translation>%1，第 %2 行 %3：%4</translation>
    </message>
    <message>
        <source>found %1 values separated by %2; choose two of the %3 columns by number or header name</source>
        <translation>发现 %1 个以%2分隔的值；请用列号或表头名从这 %3 列中选两列</translation>
    </message>
    <message>
        <source>found %1 values separated by %2; choose two of the %3 columns by number or header name (%4)</source>
        <translation>发现 %1 个以%2分隔的值；请用列号或表头名从这 %3 列中选两列（%4）</translation>
    </message>
    <message>
        <source>expected at least %1 values separated by %2, found %3</source>
        <translation>应至少有 %1 个以%2分隔的值，实际为 %3 个</translation>
    </message>
    <message>
        <source>expected 2 values x,y separated by %1, found %2 (every row needs exactly 2)</source>
        <translation>应有 2 个以%1分隔的值 x,y，实际为 %2 个（每行恰好需要 2 个）</translation>
    </message>
    <message>
        <source>a value is empty</source>
        <translation>有一个值为空</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>%1 is not a finite number (NaN or infinity)</source>
        <translation>%1 不是有限数（NaN 或无穷大）</translation>
    </message>
    <message>
        <source>%1 is too large for a 32-bit float</source>
        <translation>%1 超出 32 位浮点数的范围</translation>
    </message>
    <message>
        <source>%1 has more than %2 points, the limit (line %3 is one too many)</source>
        <translation>%1 的点数超过上限 %2（第 %3 行多出一个）</translation>
    </message>
    <message>
        <source>%1 has %2 point; a data set needs at least %3</source>
        <translation>%1 只有 %2 个点；数据集至少需要 %3 个</translation>
    </message>
    <message>
        <source>%1 has %2 points; a data set needs at least %3</source>
        <translation>%1 只有 %2 个点；数据集至少需要 %3 个点</translation>
    </message>
    <message>
        <source>unexpected text after the JSON value</source>
        <translation>JSON 值之后有多余的文本</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套太深</translation>
    </message>
    <message>
        <source>unexpected end of the text</source>
        <translation>文本意外结束</translation>
    </message>
    <message>
        <source>expected a member name in quotes</source>
        <translation>应为带引号的成员名</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the member name</source>
        <translation>成员名之后应为 &apos;:&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in an object</source>
        <translation>对象中应为 &apos;,&apos; 或 &apos;}&apos;</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in an array</source>
        <translation>数组中应为 &apos;,&apos; 或 &apos;]&apos;</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>意外的字符 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>malformed number</source>
        <translation>数字格式错误</translation>
    </message>
    <message>
        <source>control character in a string</source>
        <translation>字符串中有控制字符</translation>
    </message>
    <message>
        <source>short \u escape</source>
        <translation>\u 转义太短</translation>
    </message>
    <message>
        <source>unknown escape &apos;\%1&apos;</source>
        <translation>未知的转义 &apos;\%1&apos;</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>字符串没有结束</translation>
    </message>
    <message>
        <source>diffusers config: %1</source>
        <translation>diffusers 配置：%1</translation>
    </message>
    <message>
        <source>diffusers config: %1 must be %2</source>
        <translation>diffusers 配置：%1 必须是%2</translation>
    </message>
    <message>
        <source>diffusers config: %1 must be %2, got &apos;%3&apos;</source>
        <translation>diffusers 配置：%1 必须是 %2，当前为“%3”</translation>
    </message>
    <message>
        <source>diffusers config: the file must hold one JSON object</source>
        <translation>diffusers 配置：文件必须只含一个 JSON 对象</translation>
    </message>
    <message>
        <source>diffusers config: steps_offset must be a whole number from 0 to %1, got %2</source>
        <translation>diffusers 配置：steps_offset 必须是 0 到 %1 之间的整数，当前为 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>%1 must be %2, got %3</source>
        <translation>%1 必须是%2，当前为%3</translation>
    </message>
    <message>
        <source>%1 must hold numbers only</source>
        <translation>%1 只能包含数字</translation>
    </message>
    <message>
        <source>the schedule must be a JSON object</source>
        <translation>调度必须是 JSON 对象</translation>
    </message>
    <message>
        <source>%1 must be linear, scaled_linear, squaredcos_cap_v2, sigmoid or custom, got &apos;%2&apos;</source>
        <translation>%1 必须是 linear、scaled_linear、squaredcos_cap_v2、sigmoid 或 custom，当前为“%2”</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3, got %4</source>
        <translation>%1 必须是 %2 到 %3 之间的整数，当前为 %4</translation>
    </message>
    <message>
        <source>%1 must hold [u, beta] pairs</source>
        <translation>%1 必须由 [u, beta] 对组成</translation>
    </message>
    <message>
        <source>font &apos;%1&apos; is not installed; install the package fonts-dejavu-core (scripts/bootstrap.sh does)</source>
        <translation>未安装字体“%1”；请安装软件包 fonts-dejavu-core（scripts/bootstrap.sh 会安装）</translation>
    </message>
    <message>
        <source>number of glyph images must be from 1 to %1 at %2×%3×%4, got %5</source>
        <translation>在 %2×%3×%4 下字形图像数必须在 1 到 %1 之间，当前为 %5</translation>
    </message>
    <message>
        <source>glyph characters must be ASCII letters or digits, got &apos;%1&apos;</source>
        <translation>字形字符必须是 ASCII 字母或数字，当前为“%1”</translation>
    </message>
    <message>
        <source>image %1 has no pixels (%2×%3)</source>
        <translation>图像 %1 没有像素（%2×%3）</translation>
    </message>
    <message>
        <source>image %1 is %2×%3 pixels, more than the limit of %4 megapixels; scale it down first</source>
        <translation>图像 %1 为 %2×%3 像素，超过 %4 百万像素的上限；请先缩小</translation>
    </message>
    <message>
        <source>cannot decode image %1: %2 (the file may be truncated or damaged)</source>
        <translation>无法解码图像 %1：%2（文件可能不完整或已损坏）</translation>
    </message>
    <message>
        <source>image grid: bad image shape %1×%2×%3</source>
        <translation>图像网格：图像形状 %1×%2×%3 无效</translation>
    </message>
    <message>
        <source>image grid: images have %1 values, the shape needs %2</source>
        <translation>图像网格：图像有 %1 个值，形状需要 %2 个</translation>
    </message>
    <message>
        <source>image grid: no images</source>
        <translation>图像网格：没有图像</translation>
    </message>
    <message>
        <source>image grid: columns must be ≥ 0, got %1</source>
        <translation>图像网格：列数必须 ≥ 0，当前为 %1</translation>
    </message>
    <message>
        <source>image grid of %1 images would be %2×%3 pixels, more than %4 on a side</source>
        <translation>%1 张图像的网格将为 %2×%3 像素，单边超过 %4</translation>
    </message>
    <message>
        <source>image grid scale must be from 1 to 16, got %1</source>
        <translation>图像网格缩放必须在 1 到 16 之间，当前为 %1</translation>
    </message>
    <message>
        <source>image grid scaled by %1 would be more than %2 pixels on a side; use a smaller scale</source>
        <translation>图像网格放大 %1 倍后单边将超过 %2 像素；请用更小的缩放</translation>
    </message>
    <message>
        <source>image size must be from %1 to %2, got %3</source>
        <translation>图像尺寸必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>image channels must be 1 (gray) or 3 (RGB), got %1</source>
        <translation>图像通道数必须为 1（灰度）或 3（RGB），当前为 %1</translation>
    </message>
    <message>
        <source>folder &apos;%1&apos; has %2 image files, more than the limit of %3</source>
        <translation>文件夹“%1”有 %2 个图像文件，超过上限 %3</translation>
    </message>
    <message>
        <source>%1 image files are more than the limit of %2</source>
        <translation>%1 个图像文件超过上限 %2</translation>
    </message>
    <message>
        <source>%1 images of %2×%3×%4 are more than the limit of %5 values</source>
        <translation>%1 张 %2×%3×%4 的图像超过上限 %5 个值</translation>
    </message>
    <message>
        <source>%1 has nothing to sample points from (every pixel is transparent after the threshold); try invert or a lower threshold</source>
        <translation>%1 中没有可采样的点（经阈值处理后每个像素都是透明的）；请尝试反转或降低阈值</translation>
    </message>
    <message>
        <source>%1 has nothing to sample points from (every pixel is white or transparent after the threshold); try invert or a lower threshold</source>
        <translation>%1 中没有可采样的点（经阈值处理后每个像素都是白色或透明的）；请尝试反转或降低阈值</translation>
    </message>
    <message>
        <source>image threshold must be in [0, 1), got %1</source>
        <translation>图像阈值必须在 [0, 1) 内，当前为 %1</translation>
    </message>
    <message>
        <source>the image</source>
        <translation>该图像</translation>
    </message>
    <message>
        <source>image &apos;%1&apos;</source>
        <translation>图像“%1”</translation>
    </message>
    <message>
        <source>scatter image size must be from 64 to 8192, got %1</source>
        <translation>散点图尺寸必须在 64 到 8192 之间，当前为 %1</translation>
    </message>
    <message>
        <source>a scatter image needs N×2 points with N ≥ 1</source>
        <translation>散点图需要 N×2 的点，且 N ≥ 1</translation>
    </message>
    <message>
        <source>a scatter image needs finite coordinates</source>
        <translation>散点图需要有限的坐标</translation>
    </message>
    <message>
        <source>the text for a text shape has %1 characters, more than the limit of %2</source>
        <translation>文字形状的文本有 %1 个字符，超过上限 %2</translation>
    </message>
    <message>
        <source>the text for a text shape contains a control character (U+%1)</source>
        <translation>文字形状的文本含有控制字符（U+%1）</translation>
    </message>
    <message>
        <source>the cell-list posterior needs 2D data, got dimension %1</source>
        <translation>格子列表后验需要二维数据，当前维度为 %1</translation>
    </message>
    <message>
        <source>the cell-list posterior needs at least one data point</source>
        <translation>格子列表后验至少需要一个数据点</translation>
    </message>
    <message>
        <source>the exact denoiser&apos;s tolerance must be positive</source>
        <translation>精确去噪器的容差必须为正</translation>
    </message>
    <message>
        <source>x_t must be 2D for the cell-list posterior</source>
        <translation>格子列表后验要求 x_t 为二维</translation>
    </message>
    <message>
        <source>histogram: the points need two coordinates</source>
        <translation>直方图：点需要两个坐标</translation>
    </message>
    <message>
        <source>histogram: bins must be at least 1</source>
        <translation>直方图：分箱数至少为 1</translation>
    </message>
    <message>
        <source>histogram: no finite points</source>
        <translation>直方图：没有有限的点</translation>
    </message>
    <message>
        <source>histogram: the two histograms must share one grid</source>
        <translation>直方图：两个直方图必须使用同一网格</translation>
    </message>
    <message>
        <source>the density of q(x_t) needs at least one data point</source>
        <translation>q(x_t) 的密度至少需要一个数据点</translation>
    </message>
    <message>
        <source>timestep t must be from 1 to %1, got %2</source>
        <translation>时间步 t 必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>query points must have the data&apos;s dimension %1, got %2</source>
        <translation>查询点必须与数据同为 %1 维，当前为 %2</translation>
    </message>
    <message>
        <source>quality metrics need at least one point in each set</source>
        <translation>质量指标要求每个集合至少有一个点</translation>
    </message>
    <message>
        <source>quality metrics need sets of the same dimension, got %1 and %2</source>
        <translation>质量指标要求两个集合维度相同，当前为 %1 和 %2</translation>
    </message>
    <message>
        <source>sliced Wasserstein needs at least 1 projection, got %1</source>
        <translation>切片 Wasserstein 距离至少需要 1 个投影，当前为 %1</translation>
    </message>
    <message>
        <source>Wasserstein distance needs at least one value in each set</source>
        <translation>Wasserstein 距离要求每个集合至少有一个值</translation>
    </message>
    <message>
        <source>MMD bandwidth must be finite</source>
        <translation>MMD 带宽必须是有限数</translation>
    </message>
    <message>
        <source>the exact denoiser needs at least one data point</source>
        <translation>精确去噪器至少需要一个数据点</translation>
    </message>
    <message>
        <source>the exact denoiser&apos;s tolerance must be 0 (exact) or positive</source>
        <translation>精确去噪器的容差必须为 0（精确）或正数</translation>
    </message>
    <message>
        <source>the exact denoiser&apos;s data have dimension 2, got x_t of dimension %1</source>
        <translation>精确去噪器的数据为 2 维，但 x_t 为 %1 维</translation>
    </message>
    <message>
        <source>the exact denoiser&apos;s data have dimension %1, got x_t of dimension %2</source>
        <translation>精确去噪器的数据为 %1 维，但 x_t 为 %2 维</translation>
    </message>
    <message>
        <source>x_t must have the data&apos;s dimension %1</source>
        <translation>x_t 必须与数据同为 %1 维</translation>
    </message>
    <message>
        <source>subsample size must be at least 1, got %1</source>
        <translation>子样本大小至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>denoiser returned %1x%2 values for a %3x%4 batch</source>
        <translation>去噪器对 %3x%4 的批返回了 %1x%2 个值</translation>
    </message>
    <message>
        <source>a reverse step needs 0 &lt;= prev &lt; t &lt;= T = %1, got t = %2, prev = %3</source>
        <translation>反向一步要求 0 &lt;= prev &lt; t &lt;= T = %1，当前 t = %2，prev = %3</translation>
    </message>
    <message>
        <source>a reverse jump needs 0 &lt;= alpha_bar_t &lt;= alpha_bar_s &lt;= 1 and alpha_bar_t &lt; 1, got %1 and %2</source>
        <translation>反向跳步要求 0 &lt;= alpha_bar_t &lt;= alpha_bar_s &lt;= 1 且 alpha_bar_t &lt; 1，当前为 %1 和 %2</translation>
    </message>
    <message>
        <source>noise must have the same shape as x_t</source>
        <translation>噪声的形状必须与 x_t 相同</translation>
    </message>
    <message>
        <source>clip range: min and max must have the same dimension</source>
        <translation>裁剪范围：最小值和最大值的维度必须相同</translation>
    </message>
    <message>
        <source>data dimension must be at least 1, got %1</source>
        <translation>数据维度至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>sampling steps must be from 0 (all) to T = %1, got %2</source>
        <translation>采样步数必须在 0（全部）到 T = %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>eta must be in [0, 1], got %1</source>
        <translation>eta 必须在 [0, 1] 内，当前为 %1</translation>
    </message>
    <message>
        <source>Langevin step size must be a positive number, got %1</source>
        <translation>Langevin 步长必须是正数，当前为 %1</translation>
    </message>
    <message>
        <source>Langevin steps per level must be at least 1, got %1</source>
        <translation>每个噪声级别的 Langevin 步数至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>trajectory stride must be 0 (off) or positive, got %1</source>
        <translation>轨迹间隔必须为 0（关闭）或正数，当前为 %1</translation>
    </message>
    <message>
        <source>clip range must have one minimum and one maximum per dimension (%1), got %2 and %3</source>
        <translation>裁剪范围必须在每个维度（%1）各有一个最小值和最大值，当前为 %2 和 %3</translation>
    </message>
    <message>
        <source>clip range of dimension %1 must be finite with min &lt;= max, got [%2, %3]</source>
        <translation>第 %1 维的裁剪范围必须是有限数且 min &lt;= max，当前为 [%2, %3]</translation>
    </message>
    <message>
        <source>sampler needs a denoiser</source>
        <translation>采样器需要一个去噪器</translation>
    </message>
    <message>
        <source>number of samples must be at least 1, got %1</source>
        <translation>样本数至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>a row to record must be from 0 to %1, got %2</source>
        <translation>要记录的行必须在 0 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>T must be at least 1, got %1</source>
        <translation>T 至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>number of sampling steps must be from 1 to T = %1, got %2</source>
        <translation>采样步数必须在 1 到 T = %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>model file %1 is malformed: section table runs past the payload</source>
        <translation>模型文件 %1 格式错误：段表超出了数据区</translation>
    </message>
    <message>
        <source>model file %1 is malformed: section %2 runs past the payload</source>
        <translation>模型文件 %1 格式错误：段 %2 超出了数据区</translation>
    </message>
    <message>
        <source>model file %1 is malformed: bytes after the last section</source>
        <translation>模型文件 %1 格式错误：最后一段之后还有字节</translation>
    </message>
    <message>
        <source>%1 of %2 image is not square: %3 at %4×%4; the other choice is %5</source>
        <translation>%2 张图像中有 %1 张不是正方形：已%3，尺寸 %4×%4；另一种方式是%5</translation>
    </message>
    <message>
        <source>%1 of %2 images is not square: %3 at %4×%4; the other choice is %5</source>
        <translation>%2 张图像中有 %1 张不是正方形：已%3，尺寸为 %4×%4；另一种方式是%5</translation>
    </message>
    <message>
        <source>%1 of %2 images are not square: %3 at %4×%4; the other choice is %5</source>
        <translation>%2 张图像中有 %1 张不是正方形：已%3，大小为 %4×%4；另一种方式是%5</translation>
    </message>
    <message>
        <source>cropped to the centred square (edges lost)</source>
        <translation>裁剪为居中的正方形（边缘丢失）</translation>
    </message>
    <message>
        <source>squashed whole to the square (shapes distorted)</source>
        <translation>整体压缩为正方形（形状变形）</translation>
    </message>
    <message>
        <source>squash</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>%1 of %2 image has transparent pixels: flattened onto the background colour %3</source>
        <translation>%2 张图像中有 %1 张含透明像素：已合成到背景色 %3 上</translation>
    </message>
    <message>
        <source>%1 of %2 images has transparent pixels: flattened onto the background colour %3</source>
        <translation>%2 张图像中有 %1 张含有透明像素：已合成到背景色 %3 上</translation>
    </message>
    <message>
        <source>%1 of %2 images have transparent pixels: flattened onto the background colour %3</source>
        <translation>%2 张图像中有 %1 张带透明像素：已合成到背景色 %3 上</translation>
    </message>
    <message>
        <source>%1 (white)</source>
        <translation>%1（白色）</translation>
    </message>
    <message>
        <source>no image files chosen</source>
        <translation>没有选择图像文件</translation>
    </message>
    <message>
        <source>there is no trained model to save</source>
        <translation>没有可保存的训练好的模型</translation>
    </message>
    <message>
        <source>cannot read the built-in model %1</source>
        <translation>无法读取内置模型 %1</translation>
    </message>
    <message>
        <source>worker pool: parts must be from 1 to %1, got %2</source>
        <translation>工作线程池：分块数必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>speculative pool: needs at least 2 threads, got %1</source>
        <translation>推测执行线程池：至少需要 2 个线程，当前为 %1</translation>
    </message>
    <message>
        <source>speculative pool: chunks must be from 1 to %1, got %2</source>
        <translation>推测执行线程池：分块数必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>image %1 is not a readable %2 image (the file may be damaged, or not an image)</source>
        <translation>图像 %1 不是可读取的 %2 图像（文件可能已损坏，或者不是图像）</translation>
    </message>
    <message>
        <source>found one value and no separator; every row needs 2 values x,y, separated by a comma, a semicolon, a tab or spaces</source>
        <translation>只有一个值且没有分隔符；每行需要 2 个值 x,y，以逗号、分号、制表符或空格分隔</translation>
    </message>
    <message>
        <source>safetensors: the data map has %1 dimensions, the network %2</source>
        <translation>safetensors：数据映射有 %1 个维度，网络有 %2 个</translation>
    </message>
    <message>
        <source>%1 of %2 image files could not be read and was left out: %3</source>
        <translation>%2 个图像文件中有 %1 个无法读取，已略去：%3</translation>
    </message>
    <message>
        <source>%1 of %2 image files could not be read and were left out; the first: %3</source>
        <translation>%2 个图像文件中有 %1 个无法读取，已略去；第一个：%3</translation>
    </message>
    <message>
        <source>training diverged at step %1: the loss reached %2, over %3 times what a network that outputs zero scores; the weights of the last good step are kept (try a lower learning rate)</source>
        <translation>训练在第 %1 步发散：损失达到 %2，是输出全为零的网络所得损失的 %3 倍以上；已保留最后一个正常步的权重（可尝试降低学习率）</translation>
    </message>
</context>
<context>
    <name>dl::Lesson</name>
    <message>
        <source>unknown key &quot;%1&quot; in %2</source>
        <translation>%2 中有未知的键“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>“%1”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>“%1”必须是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number from %2 to %3</source>
        <translation>“%1”必须是 %2 到 %3 之间的数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a non-negative whole number</source>
        <translation>“%1”必须是非负整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object with &quot;en&quot; and &quot;zh_CN&quot; texts</source>
        <translation>“%1”必须是含有“en”和“zh_CN”文本的对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a non-empty &quot;en&quot; and &quot;zh_CN&quot; text</source>
        <translation>“%1”需要非空的“en”和“zh_CN”文本</translation>
    </message>
    <message>
        <source>data &quot;kind&quot; must be builtin, text, csv or image_shape, not &quot;%1&quot;</source>
        <translation>数据的“kind”必须是 builtin、text、csv 或 image_shape，而不是“%1”</translation>
    </message>
    <message>
        <source>data &quot;paths&quot; must hold exactly one file name</source>
        <translation>数据的“paths”必须恰好包含一个文件名</translation>
    </message>
    <message>
        <source>unknown data shape &quot;%1&quot;</source>
        <translation>未知的数据形状“%1”</translation>
    </message>
    <message>
        <source>data of kind text needs a &quot;text&quot;</source>
        <translation>text 类数据需要“text”</translation>
    </message>
    <message>
        <source>data of kind %1 needs &quot;paths&quot;</source>
        <translation>%1 类数据需要“paths”</translation>
    </message>
    <message>
        <source>view &quot;mode&quot; must be forward or reverse, not &quot;%1&quot;</source>
        <translation>视图的“mode”必须是 forward 或 reverse，而不是“%1”</translation>
    </message>
    <message>
        <source>sampler &quot;denoiser&quot; must be learned or exact, not &quot;%1&quot;</source>
        <translation>采样器的“denoiser”必须是 learned 或 exact，而不是“%1”</translation>
    </message>
    <message>
        <source>sampler &quot;kind&quot; must be ddpm, ddpm-beta, ddim or langevin, not &quot;%1&quot;</source>
        <translation>采样器的“kind”必须是 ddpm、ddpm-beta、ddim 或 langevin，而不是“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object</source>
        <translation>“%1”必须是对象</translation>
    </message>
    <message>
        <source>&quot;t&quot; is %1, but the schedule has only T = %2 steps</source>
        <translation>“t”为 %1，但调度只有 T = %2 步</translation>
    </message>
    <message>
        <source>the learned field overlay needs a &quot;model&quot;</source>
        <translation>学习到的向量场叠加层需要“model”</translation>
    </message>
    <message>
        <source>a reverse view with the learned denoiser needs a &quot;model&quot; (or &quot;denoiser&quot;: &quot;exact&quot;)</source>
        <translation>使用学习到的去噪器的反向视图需要“model”（或“denoiser”: “exact”）</translation>
    </message>
    <message>
        <source>sampler: %1</source>
        <translation>采样器：%1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>%1 is too large for a lesson or session file</source>
        <translation>%1 太大，不是课程或会话文件</translation>
    </message>
    <message>
        <source>%1 is not JSON: %2 at offset %3</source>
        <translation>%1 不是 JSON：偏移 %3 处%2</translation>
    </message>
    <message>
        <source>not a lesson: &quot;format&quot; must be &quot;diffusion-lab-lesson&quot;</source>
        <translation>不是课程文件：“format”必须是“diffusion-lab-lesson”</translation>
    </message>
    <message>
        <source>the lesson was written for a newer Diffusion Lab (format %1)</source>
        <translation>该课程是为更新的 Diffusion Lab 编写的（格式 %1）</translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation>该课程</translation>
    </message>
    <message>
        <source>a lesson needs at least one step in &quot;steps&quot;</source>
        <translation>课程的“steps”中至少需要一步</translation>
    </message>
    <message>
        <source>a lesson has at most 99 steps, this one has %1</source>
        <translation>课程最多 99 步，这个有 %1 步</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>the step</source>
        <translation>该步</translation>
    </message>
    <message>
        <source>&quot;model&quot; must be a file name (or null for none)</source>
        <translation>“model”必须是文件名（没有时为 null）</translation>
    </message>
</context>
<context>
    <name>dlui::Comparison</name>
    <message>
        <source>sampling…</source>
        <translation>正在采样…</translation>
    </message>
    <message>
        <source>Linear vs cosine</source>
        <translation>线性与余弦对比</translation>
    </message>
    <message>
        <source>T = 50 vs T = 1000</source>
        <translation>T = 50 与 T = 1000 对比</translation>
    </message>
    <message>
        <source>DDPM vs DDIM at K = 10</source>
        <translation>K = 10 时 DDPM 与 DDIM 对比</translation>
    </message>
    <message>
        <source>Learned vs exact denoiser</source>
        <translation>学习到的模型与精确去噪器对比</translation>
    </message>
    <message>
        <source>%1 · %2 · exact denoiser</source>
        <translation>%1 · %2 · 精确去噪器</translation>
    </message>
    <message>
        <source>%1 · %2 · learned (no model yet)</source>
        <translation>%1 · %2 · 学习到的模型（还没有模型）</translation>
    </message>
    <message>
        <source>%1 · %2 · learned (its schedule)</source>
        <translation>%1 · %2 · 学习到的模型（使用其自身的调度）</translation>
    </message>
    <message>
        <source>There are no data.</source>
        <translation>没有数据。</translation>
    </message>
</context>
<context>
    <name>dlui::ComparisonPaneWidget</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Schedule, denoiser and sampler of this pane</source>
        <translation>此窗格的调度、去噪器和采样器</translation>
    </message>
</context>
<context>
    <name>dlui::ComparisonPlots</name>
    <message>
        <source>ᾱₜ</source>
        <translation>ᾱₜ</translation>
    </message>
    <message>
        <source>log-SNR</source>
        <translation>log-SNR</translation>
    </message>
    <message>
        <source>t / T</source>
        <translation>t / T</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt; %3</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt; %3</translation>
    </message>
    <message>
        <source>Compared schedules against t/T: %1</source>
        <translation>参与比较的调度（横轴为 t/T）：%1</translation>
    </message>
</context>
<context>
    <name>dlui::ComparisonView</name>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Set the panes to this typical comparison</source>
        <translation>将各窗格设置为这个典型比较</translation>
    </message>
    <message>
        <source>Forward (noising)</source>
        <translation>前向（加噪）</translation>
    </message>
    <message>
        <source>Reverse (sampling)</source>
        <translation>反向（采样）</translation>
    </message>
    <message>
        <source>Run every pane&apos;s sampler again (the same seed, so the same x_T)</source>
        <translation>重新运行每个窗格的采样器（种子相同，因此 x_T 相同）</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Panes:</source>
        <translation>窗格数：</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>The shared t: each pane shows the same fraction t/T of its own T</source>
        <translation>共享的 t：每个窗格都显示其自身 T 的同一比例 t/T</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>t/T = %1 (%2 of %3)</source>
        <translation>t/T = %1（%2 / %3）</translation>
    </message>
    <message>
        <source>Sampling every pane…</source>
        <translation>正在为每个窗格采样…</translation>
    </message>
    <message>
        <source>Sample a&amp;gain</source>
        <translation>再次采样(&amp;G)</translation>
    </message>
</context>
<context>
    <name>dlui::CsvExport</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: points must have 2 columns, got %2</source>
        <translation>%1：点必须有 2 列，当前为 %2 列</translation>
    </message>
    <message>
        <source>%1: trajectories are written for 2D points only</source>
        <translation>%1：只能为二维点写出轨迹</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>dlui::DataPanel</name>
    <message>
        <source>Built-in shape</source>
        <translation>内置形状</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Image as a shape</source>
        <translation>图像作为形状</translation>
    </message>
    <message>
        <source>Images (pixel space)</source>
        <translation>图像（像素空间）</translation>
    </message>
    <message>
        <source>Glyph images (pixel space)</source>
        <translation>字形图像（像素空间）</translation>
    </message>
    <message>
        <source>Hand-drawn</source>
        <translation>手绘</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>数据源(&amp;S)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>RGB (else gray)</source>
        <translation>RGB（否则为灰度）</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source>&amp;N</source>
        <translation>&amp;N</translation>
    </message>
    <message>
        <source>Standardise each a&amp;xis</source>
        <translation>各轴分别标准化(&amp;X)</translation>
    </message>
    <message>
        <source>Divide each axis by its own spread, for columns in different units (one near 750, one near 1). Off: one common scale keeps the shape&apos;s aspect.</source>
        <translation>每个轴除以自身的离散程度，适用于单位不同的列（一列约为 750，一列约为 1）。关闭时：使用同一个尺度，保持形状的纵横比。</translation>
    </message>
    <message>
        <source>Load data</source>
        <translation>加载数据</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Col&amp;umns</source>
        <translation>列(&amp;U)</translation>
    </message>
    <message>
        <source>Crop to the centred square</source>
        <translation>裁剪为居中的正方形</translation>
    </message>
    <message>
        <source>Squash the whole image</source>
        <translation>压缩整幅图像</translation>
    </message>
    <message>
        <source>How images that are not square become S×S: cropping loses their edges, squashing distorts their shapes</source>
        <translation>非正方形图像如何变为 S×S：裁剪会丢失边缘，压缩会使形状变形</translation>
    </message>
    <message>
        <source>Not s&amp;quare</source>
        <translation>非正方形(&amp;Q)</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <source>Gray</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>What transparent pixels become (a black background on a transparent image turns gray over white)</source>
        <translation>透明像素变成什么（透明图像上的黑色背景叠在白色上会变成灰色）</translation>
    </message>
    <message>
        <source>Back&amp;ground</source>
        <translation>背景(&amp;G)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The axes&apos; spreads differ %1×: on one common scale the narrower axis is nearly flat and is learned badly. Tick “Standardise each axis” and load again.</source>
        <translation>各轴的离散程度相差 %1 倍：在同一尺度下，较窄的轴几乎是平的，很难学好。请勾选“各轴分别标准化”后重新加载。</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>文字(&amp;X)</translation>
    </message>
    <message>
        <source>image files or a folder</source>
        <translation>图像文件或文件夹</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Invert (light parts are the shape)</source>
        <translation>反相（亮的部分作为形状）</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Drag on the main view to draw strokes, then load.</source>
        <translation>在主视图上拖动来画笔画，然后加载。</translation>
    </message>
    <message>
        <source>Brush radius as a fraction of the view&apos;s size</source>
        <translation>画笔半径，以视图大小的比例表示</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Points per stroke as long as the view is wide</source>
        <translation>与视图等宽的一笔所含的点数</translation>
    </message>
    <message>
        <source>Points per view width</source>
        <translation>每视图宽度的点数</translation>
    </message>
    <message>
        <source>Clear strokes</source>
        <translation>清除笔画</translation>
    </message>
    <message>
        <source>No strokes yet.</source>
        <translation>还没有笔画。</translation>
    </message>
    <message>
        <source>Too many points: more than %1. Lower the density.</source>
        <translation>点太多：超过 %1。请降低密度。</translation>
    </message>
    <message numerus="yes">
        <source>%1 points from %n stroke(s)</source>
        <translation>
            <numerusform>来自 %n 笔的 %1 个点</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图像 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose images</source>
        <translation>选择图像</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1
%2 × %3</source>
        <translation>%1
%2 × %3</translation>
    </message>
    <message>
        <source>The file has %1 columns: choose which are x and y above, then Load data.</source>
        <translation>该文件有 %1 列：请在上方选择哪两列作为 x 和 y，然后点击“加载数据”。</translation>
    </message>
    <message>
        <source>Loading… %1 %</source>
        <translation>正在加载… %1 %</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Sh&amp;ape</source>
        <translation>形状(&amp;A)</translation>
    </message>
    <message>
        <source>Which two columns of the file are x and y; the file&apos;s columns appear once it is chosen</source>
        <translation>文件中哪两列作为 x 和 y；选定文件后即列出它的各列</translation>
    </message>
</context>
<context>
    <name>dlui::DensityComparison</name>
    <message>
        <source>The density comparison needs 2D point data.</source>
        <translation>密度比较需要二维点数据。</translation>
    </message>
    <message>
        <source>Left: the data (%1 points). Right: the model&apos;s samples (%2). Total variation %3 (0: the same histogram, 1: no overlap) on %4×%4 cells; %5 % of the samples fall outside.</source>
        <translation>左：数据（%1 个点）。右：模型的样本（%2 个）。在 %4×%4 个网格上的总变差距离为 %3（0：直方图相同，1：完全不重叠）；%5 % 的样本落在范围之外。</translation>
    </message>
    <message>
        <source>Left: the data (%1 points). Sample (Ctrl+R) to see the model&apos;s density on the right.</source>
        <translation>左：数据（%1 个点）。采样（Ctrl+R）后，右侧显示模型的密度。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model&apos;s samples</source>
        <translation>模型的样本</translation>
    </message>
</context>
<context>
    <name>dlui::DiffusersScheduleFiles</name>
    <message>
        <source>&amp;Import diffusers scheduler config…</source>
        <translation>导入 diffusers 调度器配置(&amp;I)…</translation>
    </message>
    <message>
        <source>Export schedule as &amp;diffusers config…</source>
        <translation>将调度导出为 diffusers 配置(&amp;D)…</translation>
    </message>
    <message>
        <source>Open the scheduler_config.json of a diffusers model and show its schedule in the editor</source>
        <translation>打开 diffusers 模型的 scheduler_config.json，并在编辑器中显示其调度</translation>
    </message>
    <message>
        <source>Write the editor&apos;s schedule as a diffusers scheduler_config.json</source>
        <translation>将编辑器中的调度写成 diffusers 的 scheduler_config.json</translation>
    </message>
    <message>
        <source>Import diffusers scheduler config</source>
        <translation>导入 diffusers 调度器配置</translation>
    </message>
    <message>
        <source>Scheduler configs (*.json);;All files (*)</source>
        <translation>调度器配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export schedule as diffusers config</source>
        <translation>将调度导出为 diffusers 配置</translation>
    </message>
    <message>
        <source>scheduler_config.json</source>
        <translation>scheduler_config.json</translation>
    </message>
    <message>
        <source>Scheduler configs (*.json)</source>
        <translation>调度器配置 (*.json)</translation>
    </message>
    <message>
        <source>The schedule was not changed: %1</source>
        <translation>调度未更改：%1</translation>
    </message>
    <message>
        <source>The schedule was not changed: %1: %2</source>
        <translation>调度未更改：%1：%2</translation>
    </message>
    <message>
        <source>Imported %1: %2 · prediction_type %3, timestep_spacing %4, steps_offset %5, clip_sample %6</source>
        <translation>已导入 %1：%2 · prediction_type %3，timestep_spacing %4，steps_offset %5，clip_sample %6</translation>
    </message>
    <message>
        <source>The schedule of %1 is in the editor. These fields are not used by Diffusion Lab and were not imported: %2.</source>
        <translation>%1 的调度已载入编辑器。以下字段 Diffusion Lab 不使用，因此未导入：%2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>不能写入 %1：%2</translation>
    </message>
    <message>
        <source>Schedule written to %1</source>
        <translation>调度已写入 %1</translation>
    </message>
</context>
<context>
    <name>dlui::DiscardKey</name>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>dlui::DurationText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>dlui::EquationText</name>
    <message>
        <source>Values at t = %1 of T = %2</source>
        <translation>t = %1 时的数值（T = %2）</translation>
    </message>
    <message>
        <source>Forward step: add a little noise</source>
        <translation>前向一步：加入少量噪声</translation>
    </message>
    <message>
        <source>Closed form: jump from x₀ straight to t</source>
        <translation>闭式解：从 x₀ 直接跳到 t</translation>
    </message>
    <message>
        <source>Training loss: predict the noise</source>
        <translation>训练损失：预测噪声</translation>
    </message>
    <message>
        <source>Posterior: one step back when x₀ is known</source>
        <translation>后验：已知 x₀ 时后退一步</translation>
    </message>
    <message>
        <source>Reverse step: DDPM, σₜ² = βₜ</source>
        <translation>反向一步：DDPM，σₜ² = βₜ</translation>
    </message>
    <message>
        <source>Reverse step: DDPM, σₜ² = β̃ₜ</source>
        <translation>反向一步：DDPM，σₜ² = β̃ₜ</translation>
    </message>
    <message>
        <source>Reverse step: DDIM, η = %1</source>
        <translation>反向一步：DDIM，η = %1</translation>
    </message>
    <message>
        <source>Langevin dynamics at noise level t</source>
        <translation>噪声水平 t 上的朗之万动力学</translation>
    </message>
    <message>
        <source>SNR</source>
        <translation>SNR</translation>
    </message>
    <message>
        <source>The sampler jumps from t = %1 to s = %2; %3 and %4 are those of the jump.</source>
        <translation>采样器从 t = %1 跳到 s = %2；%3 和 %4 是这一跳的数值。</translation>
    </message>
    <message>
        <source>with %1, %2 and %3</source>
        <translation>其中 %1、%2 和 %3</translation>
    </message>
    <message>
        <source>The network sees %1 and is scored on how well it names the noise %2.</source>
        <translation>网络看到 %1，按它对噪声 %2 的预测准确程度来评分。</translation>
    </message>
    <message>
        <source> (no noise on the last step)</source>
        <translation>（最后一步不加噪声）</translation>
    </message>
    <message>
        <source>η = %1: 0 is deterministic, 1 adds as much noise as DDPM with %2.</source>
        <translation>η = %1：0 为确定性采样，1 加入与 %2 的 DDPM 同样多的噪声。</translation>
    </message>
    <message>
        <source>%1 (a fraction %2 of the noise variance)</source>
        <translation>%1（噪声方差的 %2 倍）</translation>
    </message>
    <message>
        <source>Point %1 (normalised coordinates):</source>
        <translation>点 %1（归一化坐标）：</translation>
    </message>
    <message>
        <source>Values of the first step, t = 1 of T = %1 (t = 0 is the data)</source>
        <translation>第一步的数值，t = 1（共 T = %1；t = 0 是数据本身）</translation>
    </message>
    <message>
        <source> (σ = 0: no noise is added)</source>
        <translation>（σ = 0：不加入噪声）</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>其中 %1</translation>
    </message>
    <message>
        <source>The exact denoiser: %1 = E[%2 | %3], computed from every data point, with no network.</source>
        <translation>精确去噪器：%1 = E[%2 | %3]，由全部数据点算出，不经过网络。</translation>
    </message>
    <message>
        <source>%1 is below 2&lt;sup&gt;%2&lt;/sup&gt; ≈ %3 here. The samplers raise it to that floor, so that %4 stays finite, and %5 and %6 above are the values they use. With %1 as it is, %5 would be %7.</source>
        <translation>此处 %1 低于 2&lt;sup&gt;%2&lt;/sup&gt; ≈ %3。采样器把它提高到这个下限，使 %4 保持有限；上表中的 %5 和 %6 是采样器实际使用的值。按 %1 的原值，%5 应为 %7。</translation>
    </message>
    <message>
        <source>In the coordinates the model works in: %1 = (data %2 %3) / %4 with %3 = %5 and %4 = %6. The view draws them back in the data&apos;s units, where %7 %8 %9(&lt;b&gt;0&lt;/b&gt;, &lt;b&gt;I&lt;/b&gt;) lies around %3 with spread %4.</source>
        <translation>以上是模型所用的坐标：%1 = (数据 %2 %3) / %4，其中 %3 = %5，%4 = %6。视图把它们换回数据本身的单位来画，因此 %7 %8 %9(&lt;b&gt;0&lt;/b&gt;, &lt;b&gt;I&lt;/b&gt;) 在视图中位于 %3 附近，散布为 %4。</translation>
    </message>
    <message>
        <source>At t = 0 the point is %1 itself; at t = %2:</source>
        <translation>在 t = 0 时，该点就是 %1 本身；在 t = %2 时：</translation>
    </message>
</context>
<context>
    <name>dlui::ExplainPanel</name>
    <message>
        <source>The point you picked</source>
        <translation>你选中的点</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>公式讲解</translation>
    </message>
    <message>
        <source>Comparing side by side</source>
        <translation>正在并排比较</translation>
    </message>
    <message>
        <source>The panes show their own t, ᾱ_t and SNR in their captions. The numbers below are the main view&apos;s, hidden while comparing.</source>
        <translation>各窗格在自己的标题中显示各自的 t、ᾱ_t 和 SNR。下面的数值属于比较期间被隐藏的主视图。</translation>
    </message>
</context>
<context>
    <name>dlui::Export</name>
    <message>
        <source>no output file was given</source>
        <translation>没有指定输出文件</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; give a regular file or a new name</source>
        <translation>%1 是符号链接；请指定普通文件或新的文件名</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket)</source>
        <translation>%1 不是普通文件（是设备、管道或套接字）</translation>
    </message>
    <message>
        <source>%1 already exists (choose another name, or overwrite it)</source>
        <translation>%1 已存在（请换一个名字，或覆盖它）</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write to the folder %1 (no permission or read-only)</source>
        <translation>无法写入文件夹 %1（没有权限或只读）</translation>
    </message>
    <message>
        <source>no output folder was given</source>
        <translation>没有指定输出文件夹</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; give a real folder or a new name</source>
        <translation>%1 是符号链接；请指定真实的文件夹或新的名字</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>%1 already holds exported frames (choose another folder, or overwrite them)</source>
        <translation>%1 中已有导出的帧（请换一个文件夹，或覆盖它们）</translation>
    </message>
    <message>
        <source>the frame size must be from 16×16 to %1×%1 pixels, got %2×%3</source>
        <translation>帧尺寸必须在 16×16 到 %1×%1 像素之间，当前为 %2×%3</translation>
    </message>
    <message>
        <source>frames per second must be from 1 to %1, got %2</source>
        <translation>每秒帧数必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>the stride must be at least 1, got %1</source>
        <translation>步长至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>the first t must be at least 0, got %1</source>
        <translation>起始 t 至少为 0，当前为 %1</translation>
    </message>
    <message>
        <source>the last t (%1) is before the first t (%2)</source>
        <translation>结束 t（%1）在起始 t（%2）之前</translation>
    </message>
    <message>
        <source>a reverse animation needs a sampled trajectory: sample first</source>
        <translation>反向动画需要一条采样轨迹：请先采样</translation>
    </message>
    <message>
        <source>no frame in the chosen range of t</source>
        <translation>所选 t 范围内没有帧</translation>
    </message>
    <message>
        <source>%1 frames is more than the limit of %2; raise the stride or narrow the range of t</source>
        <translation>%1 帧超过上限 %2；请增大步长或缩小 t 的范围</translation>
    </message>
    <message>
        <source>a transparent background is only available for PNG frames</source>
        <translation>只有 PNG 帧支持透明背景</translation>
    </message>
    <message>
        <source>MP4 and WebM export needs ffmpeg, which was not found on PATH; install it (Debian: apt-get install ffmpeg) or export a GIF or PNG frames instead</source>
        <translation>导出 MP4 和 WebM 需要 ffmpeg，但在 PATH 中未找到；请安装它（Debian：apt-get install ffmpeg），或改为导出 GIF 或 PNG 帧</translation>
    </message>
    <message>
        <source>video needs an even width and height, got %1×%2</source>
        <translation>视频的宽和高必须为偶数，当前为 %1×%2</translation>
    </message>
    <message>
        <source>export cancelled; nothing was written</source>
        <translation>导出已取消；未写入任何文件</translation>
    </message>
    <message>
        <source>wrote %1 frames to %2 in %3 s</source>
        <translation>已将 %1 帧写入 %2，用时 %3 秒</translation>
    </message>
    <message>
        <source>a comparison export needs the comparison open (View ▸ Compare side by side)</source>
        <translation>导出比较需要先打开比较（视图 ▸ 并排比较）</translation>
    </message>
    <message>
        <source>cannot create the folder %1: %2 is a file</source>
        <translation>无法创建文件夹 %1：%2 是一个文件</translation>
    </message>
    <message>
        <source>cannot create the folder %1: %2 is read-only or not yours to write</source>
        <translation>无法创建文件夹 %1：%2 是只读的，或你没有写入权限</translation>
    </message>
</context>
<context>
    <name>dlui::ExportDialog</name>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Forward process (noising)</source>
        <translation>前向过程（加噪）</translation>
    </message>
    <message>
        <source>Reverse process (sampling)</source>
        <translation>反向过程（采样）</translation>
    </message>
    <message>
        <source>Both, back to back</source>
        <translation>两者，前后相接</translation>
    </message>
    <message>
        <source>Sample first: there is no reverse trajectory yet.</source>
        <translation>请先采样：还没有反向轨迹。</translation>
    </message>
    <message>
        <source>Every k-th timestep becomes a frame.</source>
        <translation>每隔 k 个时间步取一帧。</translation>
    </message>
    <message>
        <source>from t =</source>
        <translation>从 t =</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>every</source>
        <translation>每</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>&amp;Animation:</source>
        <translation>动画(&amp;A)：</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Trails of a few points</source>
        <translation>部分点的轨迹(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Density of q(x_t)</source>
        <translation>q(x_t) 的密度(&amp;D)</translation>
    </message>
    <message>
        <source>A&amp;xes</source>
        <translation>坐标轴(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Caption (t, ᾱₜ, sampler)</source>
        <translation>说明文字（t、ᾱₜ、采样器）(&amp;C)</translation>
    </message>
    <message>
        <source>Colour points by their &amp;origin</source>
        <translation>按来源给点着色(&amp;O)</translation>
    </message>
    <message>
        <source>Needs a denoiser: train a model or choose the exact denoiser.</source>
        <translation>需要去噪器：请训练一个模型，或选择精确去噪器。</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Transparent (PNG only)</source>
        <translation>透明（仅 PNG）</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation>背景(&amp;B)：</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>GIF 动画</translation>
    </message>
    <message>
        <source>PNG frames + JSON sidecar (folder)</source>
        <translation>PNG 帧 + JSON 附属文件（文件夹）</translation>
    </message>
    <message>
        <source>MP4 video (H.264)</source>
        <translation>MP4 视频（H.264）</translation>
    </message>
    <message>
        <source>WebM video (VP9)</source>
        <translation>WebM 视频（VP9）</translation>
    </message>
    <message>
        <source>Needs ffmpeg on PATH (Debian: apt-get install ffmpeg).</source>
        <translation>需要 PATH 中有 ffmpeg（Debian：apt-get install ffmpeg）。</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>No frame in this range of t.</source>
        <translation>这个 t 范围内没有帧。</translation>
    </message>
    <message>
        <source>%1 frames is over the limit of %2: raise the stride.</source>
        <translation>%1 帧超过上限 %2：请增大步长。</translation>
    </message>
    <message>
        <source>A transparent background needs PNG frames.</source>
        <translation>透明背景需要 PNG 帧。</translation>
    </message>
    <message>
        <source>Video needs an even width and height.</source>
        <translation>视频的宽和高必须为偶数。</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1 s at %2 frames/s, %3×%4 pixels.</source>
        <translation>
            <numerusform>%n 帧，%1 秒，每秒 %2 帧，%3×%4 像素。</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the PNG frames</source>
        <translation>PNG 帧的文件夹</translation>
    </message>
    <message>
        <source>GIF images (*.gif)</source>
        <translation>GIF 图像 (*.gif)</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>WebM videos (*.webm)</source>
        <translation>WebM 视频 (*.webm)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 已存在</translation>
    </message>
    <message>
        <source>The folder %1 already holds exported frames. Replace them?</source>
        <translation>文件夹 %1 中已有导出的帧。要替换它们吗？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Replace?</source>
        <translation>替换？</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Rendering frames…</source>
        <translation>正在渲染帧…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Side-by-side comparison</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>Open the comparison first: View ▸ Compare side by side.</source>
        <translation>请先打开比较：视图 ▸ 并排比较。</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Colour-blind safe</source>
        <translation>色盲友好</translation>
    </message>
    <message>
        <source>Colou&amp;rs:</source>
        <translation>配色(&amp;R)：</translation>
    </message>
    <message>
        <source>Reverse process: sample first</source>
        <translation>反向过程：请先采样</translation>
    </message>
    <message>
        <source>Both, back to back: sample first</source>
        <translation>两者，前后相接：请先采样</translation>
    </message>
    <message>
        <source>Side-by-side comparison: open it first</source>
        <translation>并排比较：请先打开它</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2 · about %3 left</source>
        <translation>正在渲染第 %1 帧（共 %2 帧）· 约剩 %3</translation>
    </message>
    <message>
        <source>Arrow f&amp;ield (−ε̂)</source>
        <translation>箭头场 (−ε̂)(&amp;I)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve to:</source>
        <translation>保存到(&amp;V)：</translation>
    </message>
    <message>
        <source>Give the whole path, from / (Browse… picks one): “%1” would be saved in the folder the program was started from.</source>
        <translation>请给出从 / 开始的完整路径（可用“浏览…”选择）：“%1”会被保存到启动程序时所在的文件夹。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist yet: it will be made.</source>
        <translation>文件夹 %1 尚不存在：导出时会创建它。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: choose another place to save.</source>
        <translation>%1 是文件而不是文件夹：请选择别的保存位置。</translation>
    </message>
</context>
<context>
    <name>dlui::FieldOverlay</name>
    <message>
        <source>The field overlay&apos;s t must be in 0..%1, got %2.</source>
        <translation>向量场叠加层的 t 必须在 0 到 %1 之间，当前为 %2。</translation>
    </message>
</context>
<context>
    <name>dlui::FieldOverlayPresenter</name>
    <message>
        <source>No model yet: train one to see the learned field.</source>
        <translation>还没有模型：训练一个模型后才能看到学习到的场。</translation>
    </message>
    <message>
        <source>Learned field hidden: the view uses another schedule than the model was trained with.</source>
        <translation>已隐藏学习到的场：视图使用的调度与模型训练时的不同。</translation>
    </message>
    <message>
        <source>Learned field hidden: the model was trained on other data.</source>
        <translation>已隐藏学习到的场：模型是在其他数据上训练的。</translation>
    </message>
    <message>
        <source>At t = 0 there is no noise yet, so there is no field to draw: move t to 1 or more.</source>
        <translation>t = 0 时还没有噪声，因此没有场可画：请把 t 调到 1 或更大。</translation>
    </message>
</context>
<context>
    <name>dlui::FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>dlui::LabDocument</name>
    <message>
        <source>Two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Swiss roll</source>
        <translation>瑞士卷</translation>
    </message>
    <message>
        <source>8 Gaussians</source>
        <translation>8 个高斯</translation>
    </message>
    <message>
        <source>Concentric circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>Two-arm spiral</source>
        <translation>双臂螺旋</translation>
    </message>
    <message>
        <source>Pinwheel</source>
        <translation>风车</translation>
    </message>
    <message>
        <source>Single Gaussian</source>
        <translation>单个高斯</translation>
    </message>
    <message>
        <source>model trained with %1; editor shows %2</source>
        <translation>模型训练时使用 %1；编辑器显示的是 %2</translation>
    </message>
    <message>
        <source>%1, N = %2, seed %3</source>
        <translation>%1，N = %2，种子 %3</translation>
    </message>
    <message>
        <source>text &quot;%1&quot;, N = %2, seed %3</source>
        <translation>文字“%1”，N = %2，种子 %3</translation>
    </message>
    <message>
        <source>CSV %1</source>
        <translation>CSV %1</translation>
    </message>
    <message>
        <source>CSV %1, columns %2</source>
        <translation>CSV %1，列 %2</translation>
    </message>
    <message>
        <source>image shape %1, N = %2</source>
        <translation>图像形状 %1，N = %2</translation>
    </message>
    <message>
        <source>images %1 at %2×%2</source>
        <translation>图像 %1，%2×%2</translation>
    </message>
    <message>
        <source>glyphs %1×%1, N = %2, seed %3</source>
        <translation>字形 %1×%1，N = %2，种子 %3</translation>
    </message>
    <message>
        <source>hand-drawn points</source>
        <translation>手绘的点</translation>
    </message>
    <message>
        <source>linear T=%1</source>
        <translation>线性 T=%1</translation>
    </message>
    <message>
        <source>scaled_linear T=%1</source>
        <translation>缩放线性 T=%1</translation>
    </message>
    <message>
        <source>cosine T=%1</source>
        <translation>余弦 T=%1</translation>
    </message>
    <message>
        <source>sigmoid T=%1</source>
        <translation>S 形 T=%1</translation>
    </message>
    <message>
        <source>custom T=%1</source>
        <translation>自定义曲线 T=%1</translation>
    </message>
    <message>
        <source>%1, β %2..%3</source>
        <translation>%1，β %2..%3</translation>
    </message>
    <message>
        <source>%1, zero-SNR</source>
        <translation>%1，零 SNR</translation>
    </message>
</context>
<context>
    <name>dlui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>dlui::LessonMenu</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Open lesson file…</source>
        <translation>打开课程文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation>上一步(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Close lesson</source>
        <translation>关闭课程(&amp;C)</translation>
    </message>
    <message>
        <source>Go to step %1</source>
        <translation>转到第 %1 步</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Could not open the lesson: %1</source>
        <translation>无法打开课程：%1</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open the lesson?</source>
        <translation>打开课程？</translation>
    </message>
    <message>
        <source>The lesson “%1” loads its own model, which replaces the model you trained. That model has not been saved and will be lost.</source>
        <translation>课程“%1”会加载它自己的模型，替换你训练的模型。你的模型尚未保存，将会丢失。</translation>
    </message>
    <message>
        <source>Your data, schedule and view come back when you close the lesson.</source>
        <translation>关闭课程后，你的数据、调度和视图会恢复。</translation>
    </message>
    <message>
        <source>Open the lesson</source>
        <translation>仍然打开课程</translation>
    </message>
</context>
<context>
    <name>dlui::LessonNavigator</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Previous step (Page Up)</source>
        <translation>上一步（Page Up）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Next step (Page Down; 1–9 jump to a step)</source>
        <translation>下一步（Page Down；1–9 跳到对应的步）</translation>
    </message>
    <message>
        <source>No lesson open</source>
        <translation>没有打开的课程</translation>
    </message>
    <message>
        <source>Choose one from the Lessons menu.</source>
        <translation>请从“课程”菜单中选择一个。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>dlui::LessonPlayer</name>
    <message>
        <source>Could not load the lesson&apos;s model: %1</source>
        <translation>无法加载课程的模型：%1</translation>
    </message>
    <message>
        <source>The lesson&apos;s model works on data of dimension %1, not %2.</source>
        <translation>课程的模型处理的是 %1 维数据，而不是 %2 维。</translation>
    </message>
</context>
<context>
    <name>dlui::LossPlot</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
</context>
<context>
    <name>dlui::MainView</name>
    <message>
        <source>reverse · %1 · t = %2 (interpolated between the states at t = %3 and %4)</source>
        <translation>反向 · %1 · t = %2（在 t = %3 和 %4 的状态之间插值）</translation>
    </message>
    <message>
        <source>reverse · %1 · t = %2</source>
        <translation>反向 · %1 · t = %2</translation>
    </message>
    <message>
        <source>reverse · no samples yet: train a model, then Sample</source>
        <translation>反向 · 还没有样本：先训练模型，再采样</translation>
    </message>
    <message>
        <source>t = %1 / %2   ᾱₜ = %3%4</source>
        <translation>t = %1 / %2   ᾱₜ = %3%4</translation>
    </message>
    <message>
        <source>   (Markov chain)</source>
        <translation>   （马尔可夫链）</translation>
    </message>
    <message>
        <source>Drawing: drag to add strokes</source>
        <translation>绘制中：拖动以添加笔画</translation>
    </message>
    <message>
        <source>Markov chain: computing t = %1 …</source>
        <translation>马尔可夫链：正在计算 t = %1 …</translation>
    </message>
    <message>
        <source>   (Markov chain, computing t = %1 …)</source>
        <translation>   （马尔可夫链，正在计算 t = %1 …）</translation>
    </message>
</context>
<context>
    <name>dlui::MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a session, a CSV of points or an image</source>
        <translation>打开会话、点的 CSV 文件或图像</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save data, schedule and view to a session file</source>
        <translation>将数据、调度和视图保存到会话文件</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export frames, a GIF or a video</source>
        <translation>导出帧、GIF 或视频</translation>
    </message>
    <message>
        <source>&amp;Schedule plots (PNG/PDF)…</source>
        <translation>调度图(PNG/PDF)(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Loss curve (PNG/PDF)…</source>
        <translation>损失曲线(PNG/PDF)(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Data set…</source>
        <translation>数据集(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Samples…</source>
        <translation>样本(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reverse chain…</source>
        <translation>反向链(&amp;R)…</translation>
    </message>
    <message>
        <source>Schedule &amp;table…</source>
        <translation>调度表(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Loss history…</source>
        <translation>损失历史(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Copy view</source>
        <translation>复制视图(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy the main view to the clipboard as an image</source>
        <translation>将主视图作为图像复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Train the denoiser (or resume)</source>
        <translation>训练去噪器（或继续训练）</translation>
    </message>
    <message>
        <source>&amp;Pause training</source>
        <translation>暂停训练(&amp;P)</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>暂停训练</translation>
    </message>
    <message>
        <source>Stop training and keep the model</source>
        <translation>停止训练并保留模型</translation>
    </message>
    <message>
        <source>Sa&amp;mple</source>
        <translation>采样(&amp;M)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Run the reverse process from the current model</source>
        <translation>用当前模型运行反向过程</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>前进一步(&amp;F)</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>后退一步(&amp;B)</translation>
    </message>
    <message>
        <source>Jump to &amp;start</source>
        <translation>跳到开头(&amp;S)</translation>
    </message>
    <message>
        <source>Jump to &amp;end</source>
        <translation>跳到结尾(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;resenter mode</source>
        <translation>演示模式(&amp;R)</translation>
    </message>
    <message>
        <source>Keys to the &amp;view</source>
        <translation>键盘交还视图(&amp;V)</translation>
    </message>
    <message>
        <source>Leave the field being edited; Space and the arrows move the timeline again</source>
        <translation>离开正在编辑的输入框；空格和方向键重新控制时间轴</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About Diffusion Lab</source>
        <translation>关于 Diffusion Lab(&amp;A)</translation>
    </message>
    <message>
        <source>About Diffusion Lab</source>
        <translation>关于 Diffusion Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Diffusion Lab %1&lt;/h3&gt;&lt;p&gt;See how denoising diffusion models (DDPM) work: noise data step by step, train a small denoiser and watch it turn noise back into data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Diffusion Lab %1&lt;/h3&gt;&lt;p&gt;看清去噪扩散模型（DDPM）如何工作：一步步给数据加噪，训练一个小型去噪器，再看它把噪声变回数据。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>噪声调度</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Export &amp;plots</source>
        <translation>导出图表(&amp;P)</translation>
    </message>
    <message>
        <source>Export data as &amp;CSV</source>
        <translation>导出数据为 CSV(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Could not load the data: %1</source>
        <translation>无法加载数据：%1</translation>
    </message>
    <message>
        <source>No samples yet, so the view shows the forward process: press %1 to sample.</source>
        <translation>还没有样本，因此视图显示前向过程：按 %1 进行采样。</translation>
    </message>
    <message>
        <source>Many points</source>
        <translation>点很多</translation>
    </message>
    <message>
        <source>These strokes make %1 points. Above %2 every frame and every training step slows down. Load them anyway?</source>
        <translation>这些笔画会生成 %1 个点。超过 %2 个点时，每一帧和每一步训练都会变慢。仍要加载吗？</translation>
    </message>
    <message>
        <source>Not loaded: lower the density or the brush, or draw less.</source>
        <translation>未加载：请降低密度或画笔大小，或者少画一些。</translation>
    </message>
    <message>
        <source>Data: %1 · %2 samples of dimension %3</source>
        <translation>数据：%1 · %2 个 %3 维样本</translation>
    </message>
    <message>
        <source>No model yet · editor: %1</source>
        <translation>还没有模型 · 编辑器：%1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source> · trained on other data</source>
        <translation> · 在其他数据上训练</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — Diffusion Lab</source>
        <translation>%1[*] — Diffusion Lab</translation>
    </message>
    <message>
        <source>Unsaved work</source>
        <translation>未保存的工作</translation>
    </message>
    <message>
        <source>The session has unsaved changes. Save them first?</source>
        <translation>会话有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>Session saved to %1</source>
        <translation>会话已保存到 %1</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Sessions and data (*.json *.csv *.txt *.png *.jpg *.jpeg *.bmp *.gif);;Sessions (*.json);;Points (*.csv *.txt);;All files (*)</source>
        <translation>会话和数据 (*.json *.csv *.txt *.png *.jpg *.jpeg *.bmp *.gif);;会话 (*.json);;点 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Diffusion Lab cannot open %1.</source>
        <translation>Diffusion Lab 无法打开 %1。</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>session.json</source>
        <translation>session.json</translation>
    </message>
    <message>
        <source>Sessions (*.json)</source>
        <translation>会话 (*.json)</translation>
    </message>
    <message>
        <source>Drop a CSV of points, an image, a folder of images or a session file.</source>
        <translation>请拖入点的 CSV 文件、图像、图像文件夹或会话文件。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Getting started&lt;/h3&gt;&lt;p&gt;&lt;b&gt;1. Watch data turn into noise.&lt;/b&gt; Press %1 to play the forward process, or drag the t slider: the two moons dissolve into a Gaussian. Change the schedule in the Schedule dock and see ᾱ_t and the SNR follow.&lt;/p&gt;&lt;p&gt;&lt;b&gt;2. Train, then sample.&lt;/b&gt; %2 trains the small denoiser (the loss falls in the Model &amp;amp; Train dock); %3 then runs the reverse process and plays it from noise back to data. The exact denoiser in the Sampling dock works before any training.&lt;/p&gt;&lt;p&gt;&lt;b&gt;3. Export it.&lt;/b&gt; %4 saves the animation as a GIF, PNG frames or a video.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;入门&lt;/h3&gt;&lt;p&gt;&lt;b&gt;1. 看数据变成噪声。&lt;/b&gt;按 %1 播放前向过程，或拖动 t 滑块：双月逐渐溶解为高斯分布。在“噪声调度”面板中修改调度，看 ᾱ_t 和 SNR 随之变化。&lt;/p&gt;&lt;p&gt;&lt;b&gt;2. 先训练，再采样。&lt;/b&gt;%2 训练小型去噪器（损失在“模型与训练”面板中下降）；然后 %3 运行反向过程，从噪声播放回数据。“采样”面板中的精确去噪器无需训练即可使用。&lt;/p&gt;&lt;p&gt;&lt;b&gt;3. 导出。&lt;/b&gt;%4 将动画保存为 GIF、PNG 帧或视频。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Keyboard&lt;/h4&gt;&lt;table&gt;</source>
        <translation>&lt;h4&gt;键盘&lt;/h4&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <source>play / pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <source>step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>step forward</source>
        <translation>前进一步</translation>
    </message>
    <message>
        <source>jump to t = 0 (forward) or x_T (reverse)</source>
        <translation>跳到 t = 0（前向）或 x_T（反向）</translation>
    </message>
    <message>
        <source>jump to the end</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <source>leave a field; the keys above work again</source>
        <translation>离开输入框；上面的按键重新生效</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>运行采样</translation>
    </message>
    <message>
        <source>export</source>
        <translation>打开导出对话框</translation>
    </message>
    <message>
        <source>copy the view</source>
        <translation>复制视图</translation>
    </message>
    <message>
        <source>presenter mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>open a session or data file</source>
        <translation>打开会话或数据文件</translation>
    </message>
    <message>
        <source>save the session</source>
        <translation>保存当前会话</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>Quit Diffusion Lab</source>
        <translation>退出 Diffusion Lab</translation>
    </message>
    <message>
        <source>Quit now?</source>
        <translation>现在退出吗？</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Density: data vs model</source>
        <translation>密度：数据与模型对比</translation>
    </message>
    <message>
        <source>Full screen with large type, for a projector</source>
        <translation>全屏并使用大号字体，适合投影仪</translation>
    </message>
    <message>
        <source>Loading the data… %1 %</source>
        <translation>正在加载数据… %1 %</translation>
    </message>
    <message>
        <source>The file has %1 columns: choose x and y in the Data panel.</source>
        <translation>该文件有 %1 列：请在“数据”面板中选择 x 和 y。</translation>
    </message>
    <message>
        <source>%1 ▸ %2</source>
        <translation>%1 ▸ %2</translation>
    </message>
    <message>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <source>go to that step of the open lesson</source>
        <translation>跳到当前课程的该步</translation>
    </message>
    <message>
        <source>Could not reopen %1: %2</source>
        <translation>无法重新打开 %1：%2</translation>
    </message>
    <message>
        <source>Session saved to %1 without the trained model, which is not saved (Save model… keeps it).</source>
        <translation>会话已保存到 %1，但不含训练好的模型：模型尚未保存（“保存模型…”可保存它）。</translation>
    </message>
    <message>
        <source>St&amp;op training</source>
        <translation>停止训练(&amp;O)</translation>
    </message>
    <message>
        <source>Pla&amp;y / pause</source>
        <translation>播放/暂停(&amp;Y)</translation>
    </message>
    <message>
        <source>Save &amp;model…</source>
        <translation>保存模型(&amp;M)…</translation>
    </message>
    <message>
        <source>The view keeps the data loaded before: %1.</source>
        <translation>视图仍显示之前载入的数据：%1。</translation>
    </message>
    <message>
        <source>The strokes drawn on the view are not the data loaded now and will be lost: Load data with Source “Hand-drawn” in the Data panel keeps them in the session.</source>
        <translation>视图上画的笔画不是当前加载的数据，将会丢失：在“数据”面板中把来源设为“手绘”并点击“加载数据”，可将其保存在会话中。</translation>
    </message>
    <message>
        <source>Samples loaded: %1.</source>
        <translation>已加载样本：%1 个。</translation>
    </message>
</context>
<context>
    <name>dlui::ModelWeightsExport</name>
    <message>
        <source>Export &amp;model as safetensors…</source>
        <translation>将模型导出为 safetensors(&amp;M)…</translation>
    </message>
    <message>
        <source>Write the model&apos;s weights in the safetensors format, for PyTorch (docs/diffusion_lab_mlp.py loads them)</source>
        <translation>以 safetensors 格式写出模型权重，供 PyTorch 使用（由 docs/diffusion_lab_mlp.py 读取）</translation>
    </message>
    <message>
        <source>Export model as safetensors</source>
        <translation>将模型导出为 safetensors</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写出 %1：%2</translation>
    </message>
    <message>
        <source>model.safetensors</source>
        <translation>model.safetensors</translation>
    </message>
    <message>
        <source>safetensors files (*.safetensors)</source>
        <translation>safetensors 文件 (*.safetensors)</translation>
    </message>
    <message>
        <source>Model weights written to %1</source>
        <translation>模型权重已写入 %1</translation>
    </message>
</context>
<context>
    <name>dlui::PaneSettingsEditor</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Scaled linear</source>
        <translation>缩放线性</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>S 形</translation>
    </message>
    <message>
        <source>Exact denoiser</source>
        <translation>精确去噪器</translation>
    </message>
    <message>
        <source>Learned model (its own schedule)</source>
        <translation>学习到的模型（使用其自身的调度）</translation>
    </message>
    <message>
        <source>DDPM (σ² = β̃)</source>
        <translation>DDPM (σ² = β̃)</translation>
    </message>
    <message>
        <source>DDPM (σ² = β)</source>
        <translation>DDPM (σ² = β)</translation>
    </message>
    <message>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <source>Langevin</source>
        <translation>朗之万</translation>
    </message>
    <message>
        <source>every t</source>
        <translation>每个 t</translation>
    </message>
    <message>
        <source>K, the number of reverse steps (Langevin: noise levels).</source>
        <translation>K，反向步数（朗之万：噪声水平数）。</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>调度：</translation>
    </message>
    <message>
        <source>T:</source>
        <translation>T：</translation>
    </message>
    <message>
        <source>β range:</source>
        <translation>β 范围：</translation>
    </message>
    <message>
        <source>Denoiser:</source>
        <translation>去噪器：</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>采样器：</translation>
    </message>
    <message>
        <source>K:</source>
        <translation>K：</translation>
    </message>
    <message>
        <source>η (DDIM):</source>
        <translation>η (DDIM)：</translation>
    </message>
</context>
<context>
    <name>dlui::PanelSettings</name>
    <message>
        <source>Put every panel, the export settings, the theme and presenter mode back to their defaults</source>
        <translation>将所有面板、导出设置、主题和演示模式恢复为默认值</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认设置</translation>
    </message>
    <message>
        <source>Put every panel&apos;s settings, the export settings, the theme and the presenter mode choice back to their defaults? Your data, schedule and model stay.</source>
        <translation>要将所有面板的设置、导出设置、主题和演示模式的选择恢复为默认值吗？你的数据、调度和模型会保留。</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Settings are back to their defaults.</source>
        <translation>设置已恢复为默认值。</translation>
    </message>
    <message>
        <source>Reset to de&amp;faults…</source>
        <translation>恢复默认设置(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>dlui::PlaybackSpeed</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;lower</source>
        <translation>减慢(&amp;L)</translation>
    </message>
    <message>
        <source>Slow &amp;motion (0.1×)</source>
        <translation>慢动作 (0.1×)(&amp;M)</translation>
    </message>
    <message>
        <source>Playback at %1 of %2 steps/s</source>
        <translation>播放速度为 %2 步/秒的 %1</translation>
    </message>
    <message>
        <source>Playback spee&amp;d</source>
        <translation>播放速度(&amp;D)</translation>
    </message>
</context>
<context>
    <name>dlui::PlotExport</name>
    <message>
        <source>there is no plot to save</source>
        <translation>没有可保存的图表</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write to the folder %1</source>
        <translation>无法写入文件夹 %1</translation>
    </message>
    <message>
        <source>QCustomPlot could not write %1</source>
        <translation>QCustomPlot 无法写入 %1</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
    <message>
        <source>cannot move the plot into %1</source>
        <translation>无法将图表移动到 %1</translation>
    </message>
    <message>
        <source>plots are saved as .png or .pdf, not &apos;%1&apos;</source>
        <translation>图表只能保存为 .png 或 .pdf，不能是“%1”</translation>
    </message>
</context>
<context>
    <name>dlui::PresenterMode</name>
    <message>
        <source>Presenter mode &amp;settings…</source>
        <translation>演示模式设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Choose which panels stay visible in presenter mode</source>
        <translation>选择演示模式下保持可见的面板</translation>
    </message>
    <message>
        <source>Presenter mode</source>
        <translation>演示模式设置</translation>
    </message>
    <message>
        <source>In presenter mode, keep these visible:</source>
        <translation>演示模式下保持以下内容可见：</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
</context>
<context>
    <name>dlui::ReversePointText</name>
    <message>
        <source>Point %1, the step t = %2 → %3 (normalised coordinates):</source>
        <translation>点 %1，从 t = %2 到 %3 的一步（归一化坐标）：</translation>
    </message>
    <message>
        <source>(the last step returns x̂₀)</source>
        <translation>（最后一步返回 x̂₀）</translation>
    </message>
    <message>
        <source>(no noise on this step)</source>
        <translation>（这一步不加噪声）</translation>
    </message>
</context>
<context>
    <name>dlui::SamplingPanel</name>
    <message>
        <source>Sampling cancelled.</source>
        <translation>采样已取消。</translation>
    </message>
    <message>
        <source>Reverse process</source>
        <translation>反向过程</translation>
    </message>
    <message>
        <source>Learned model</source>
        <translation>学习到的模型</translation>
    </message>
    <message>
        <source>Exact denoiser of the data</source>
        <translation>数据的精确去噪器</translation>
    </message>
    <message>
        <source>The exact denoiser is the ideal ε for the data set itself: it needs no training</source>
        <translation>精确去噪器是针对数据集本身的理想 ε：无需训练</translation>
    </message>
    <message>
        <source>DDPM, σ² = β̃ (posterior)</source>
        <translation>DDPM，σ² = β̃（后验）</translation>
    </message>
    <message>
        <source>DDPM, σ² = β</source>
        <translation>DDPM，σ² = β</translation>
    </message>
    <message>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <source>Langevin dynamics</source>
        <translation>朗之万动力学</translation>
    </message>
    <message>
        <source>η = 0: deterministic DDIM; η = 1: as much noise as DDPM</source>
        <translation>η = 0：确定性 DDIM；η = 1：与 DDPM 一样多的噪声</translation>
    </message>
    <message>
        <source>all T</source>
        <translation>全部 T</translation>
    </message>
    <message>
        <source>K: how many timesteps the sampler visits (Langevin: noise levels)</source>
        <translation>K：采样器经过的时间步数（朗之万：噪声水平数）</translation>
    </message>
    <message>
        <source>linspace</source>
        <translation>linspace（均匀）</translation>
    </message>
    <message>
        <source>leading</source>
        <translation>leading（前对齐）</translation>
    </message>
    <message>
        <source>trailing</source>
        <translation>trailing（后对齐）</translation>
    </message>
    <message>
        <source>Which K of the T timesteps are visited when K &lt; T</source>
        <translation>当 K &lt; T 时，访问 T 个时间步中的哪 K 个</translation>
    </message>
    <message>
        <source>Step δ_t as a fraction of the noise variance 1 − ᾱ_t at each level</source>
        <translation>每个水平上的步长 δ_t，以噪声方差 1 − ᾱ_t 的比例表示</translation>
    </message>
    <message>
        <source>Clip x̂₀ to the data&apos;s range</source>
        <translation>将 x̂₀ 裁剪到数据范围内</translation>
    </message>
    <message>
        <source>Recommended with zero-terminal-SNR schedules, where the first x̂₀ is unreliable</source>
        <translation>建议在零终端 SNR 调度下使用，此时最初的 x̂₀ 不可靠</translation>
    </message>
    <message>
        <source>Denoiser</source>
        <translation>去噪器</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>Steps K</source>
        <translation>步数 K</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>间隔方式</translation>
    </message>
    <message>
        <source>Step size</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Steps per level</source>
        <translation>每个水平的步数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Trails for</source>
        <translation>显示轨迹</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个点</translation>
    </message>
    <message>
        <source>paths of the sampled chain</source>
        <translation>采样链的路径</translation>
    </message>
    <message>
        <source>trajectories of DDIM (η = 0)</source>
        <translation>DDIM (η = 0) 的轨迹</translation>
    </message>
    <message>
        <source>DDIM with η = 0 is deterministic: from the same x_T it follows the smooth flow of the denoiser, where DDPM&apos;s paths are random walks. Computed when you press Sample.</source>
        <translation>η = 0 的 DDIM 是确定性的：从同一个 x_T 出发，它沿着去噪器的平滑流动，而 DDPM 的路径是随机游走。按“采样”时计算。</translation>
    </message>
    <message>
        <source>Smooth playback (interpolated)</source>
        <translation>平滑播放（插值）</translation>
    </message>
    <message>
        <source>Samplers with K &lt; T steps record K + 1 states; playback shows those. With this on, the frames between them are linear blends, and the caption says so.</source>
        <translation>K &lt; T 步的采样器记录 K + 1 个状态，播放时显示这些状态。打开此项后，状态之间的帧为线性混合，说明文字会注明。</translation>
    </message>
    <message>
        <source>Play the reverse chain when ready</source>
        <translation>完成后播放反向链</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>开始采样</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Field at t</source>
        <translation>t 处的场</translation>
    </message>
    <message>
        <source>Learned arrows</source>
        <translation>学习到的箭头</translation>
    </message>
    <message>
        <source>Exact arrows</source>
        <translation>精确箭头</translation>
    </message>
    <message>
        <source>Density of q(x_t)</source>
        <translation>q(x_t) 的密度</translation>
    </message>
    <message>
        <source>score ∇log q (towards the data)</source>
        <translation>得分 ∇log q（指向数据）</translation>
    </message>
    <message>
        <source>predicted noise ε̂</source>
        <translation>预测的噪声 ε̂</translation>
    </message>
    <message>
        <source>DDIM trails are computed with the next Sample.</source>
        <translation>DDIM 轨迹将在下次采样时计算。</translation>
    </message>
    <message>
        <source>No model yet: train one, load one, or use the exact denoiser.</source>
        <translation>还没有模型：请训练或加载一个模型，或者使用精确去噪器。</translation>
    </message>
    <message>
        <source>Samples with the model&apos;s own schedule: %1</source>
        <translation>使用模型自己的调度采样：%1</translation>
    </message>
    <message>
        <source>(the editor shows another schedule, used only by the forward view)</source>
        <translation>（编辑器显示的是另一个调度，只用于前向视图）</translation>
    </message>
    <message>
        <source>Exact denoiser with the editor&apos;s schedule: %1</source>
        <translation>精确去噪器使用编辑器的调度：%1</translation>
    </message>
    <message>
        <source>Cannot sample: %1</source>
        <translation>无法采样：%1</translation>
    </message>
    <message>
        <source>Sampling %1 points: %2…</source>
        <translation>正在采样 %1 个点：%2…</translation>
    </message>
    <message>
        <source>Sampling failed: %1</source>
        <translation>采样失败：%1</translation>
    </message>
    <message>
        <source>%1 points in %2 s: %3</source>
        <translation>%1 个点，用时 %2 秒：%3</translation>
    </message>
    <message>
        <source>At t = %1 the learned arrows differ from the exact ones by %2 % on average.</source>
        <translation>在 t = %1 处，学习到的箭头与精确箭头平均相差 %2 %。</translation>
    </message>
    <message>
        <source>DDPM (σ² = β̃), K = %1</source>
        <translation>DDPM (σ² = β̃)，K = %1</translation>
    </message>
    <message>
        <source>DDPM (σ² = β), K = %1</source>
        <translation>DDPM (σ² = β)，K = %1</translation>
    </message>
    <message>
        <source>DDIM η = %1, K = %2</source>
        <translation>DDIM η = %1，K = %2</translation>
    </message>
    <message>
        <source>Langevin δ = %1, %2 levels</source>
        <translation>朗之万 δ = %1，%2 个水平</translation>
    </message>
    <message>
        <source>There are no data.</source>
        <translation>没有数据。</translation>
    </message>
    <message>
        <source>There is no model yet: train one (or load one), or choose the exact denoiser.</source>
        <translation>还没有模型：请训练（或加载）一个模型，或者选择精确去噪器。</translation>
    </message>
    <message>
        <source>The model works on data of dimension %1, the current data have dimension %2.</source>
        <translation>模型处理的是 %1 维数据，当前数据是 %2 维。</translation>
    </message>
    <message>
        <source>%1 · learned, step %2</source>
        <translation>%1 · 学习到的模型，第 %2 步</translation>
    </message>
    <message>
        <source>%1 · exact denoiser</source>
        <translation>%1 · 精确去噪器</translation>
    </message>
    <message>
        <source>Playing the first states (after %1 s) while the rest are computed…</source>
        <translation>正在播放最先算好的状态（用时 %1 秒），其余状态仍在计算…</translation>
    </message>
    <message>
        <source>Fast network products (bfloat16)</source>
        <translation>快速网络乘法（bfloat16）</translation>
    </message>
    <message>
        <source>About twice as fast: the network&apos;s weights and inputs are rounded to bfloat16 and summed in float32. ε̂ moves by well under 1 %; the samples&apos; quality does not change measurably. Off: float32 throughout, the same numbers as `sample` on the command line.</source>
        <translation>约快一倍：网络的权重和输入舍入为 bfloat16，并以 float32 求和。ε̂ 的变化远小于 1 %，样本质量没有可测的变化。关闭时全程使用 float32，与命令行 `sample` 的结果相同。</translation>
    </message>
    <message>
        <source>This processor has neither AVX-512 VNNI nor AVX-512 BF16: the network runs in float32.</source>
        <translation>此处理器既不支持 AVX-512 VNNI 也不支持 AVX-512 BF16：网络以 float32 运行。</translation>
    </message>
    <message>
        <source>Fast network products (16-bit integers)</source>
        <translation>快速网络乘法（16 位整数）</translation>
    </message>
    <message>
        <source>About twice as fast: each row of the network&apos;s weights and each layer&apos;s input is scaled to 16-bit integers and summed exactly, and the first layer is read from a table. ε̂ moves by well under 1 %; the samples&apos; quality does not change measurably. Off: float32 throughout, the same numbers as `sample` on the command line.</source>
        <translation>约快一倍：网络权重的每一行和每层的输入都缩放为 16 位整数并精确求和，第一层从一张表中读取。ε̂ 的变化远小于 1 %，样本质量没有可测的变化。关闭时全程使用 float32，与命令行 `sample` 的结果相同。</translation>
    </message>
    <message>
        <source>%1 images in %2 s: %3</source>
        <translation>%1 幅图像，用时 %2 秒：%3</translation>
    </message>
    <message>
        <source>The model was trained on other data: %1.</source>
        <translation>该模型是在其他数据上训练的：%1。</translation>
    </message>
    <message>
        <source>The model was trained on other data (%1), in other coordinates: load those data to sample from it, or choose the exact denoiser.</source>
        <translation>该模型是在其他数据（%1）上训练的，坐标不同：请先加载那些数据再用它采样，或选择精确去噪器。</translation>
    </message>
</context>
<context>
    <name>dlui::ScheduleCurveEditor</name>
    <message>
        <source>Drag the points to shape β over t. Double-click adds a point, right-click removes one.</source>
        <translation>拖动控制点来调整 β 随 t 的形状。双击添加一个点，右键删除一个点。</translation>
    </message>
    <message>
        <source>t →   (β on a log axis)</source>
        <translation>t →   （β 为对数坐标）</translation>
    </message>
</context>
<context>
    <name>dlui::ScheduleDiagnosticsView</name>
    <message>
        <source>x_T still keeps %1 % of the data (√ᾱ_T = %2): sampling starts from pure noise N(0, I), so it starts from the wrong place.</source>
        <translation>x_T 仍保留了 %1 % 的数据（√ᾱ_T = %2）：采样从纯噪声 N(0, I) 开始，因此起点是错的。</translation>
    </message>
    <message>
        <source>The data reach |x| = %1, so x_T still shows them at %2 × the noise scale: T is too short for data this wide.</source>
        <translation>数据达到 |x| = %1，因此 x_T 中仍能看到它们，幅度为噪声尺度的 %2 倍：对于范围这么大的数据，T 太短了。</translation>
    </message>
    <message>
        <source>ᾱ falls below 2⁻²⁴ at t = %1 (about 6 × 10⁻⁸, the gap between 1 and the next smaller single-precision number). x_t is pure noise from there on, so the last %2 % of the steps do no work in training or sampling.</source>
        <translation>ᾱ 在 t = %1 处低于 2⁻²⁴（约 6 × 10⁻⁸，即单精度下 1 与比它小的下一个数之间的间隔）。从这里开始 x_t 是纯噪声，因此最后 %2 % 的步在训练和采样中都不起作用。</translation>
    </message>
    <message>
        <source>Use T = %1</source>
        <translation>使用 T = %1</translation>
    </message>
    <message>
        <source>Turn on zero terminal SNR</source>
        <translation>开启零终端 SNR</translation>
    </message>
    <message>
        <source>Use linear β %1..%2</source>
        <translation>使用线性 β %1..%2</translation>
    </message>
    <message>
        <source>✓ No problems found: x_T is pure noise and β grows smoothly.</source>
        <translation>✓ 未发现问题：x_T 是纯噪声，β 平滑增长。</translation>
    </message>
    <message>
        <source>✓ No problems found: x_T is pure noise. β rises to 1 in the last steps on purpose: that is what zero terminal SNR does.</source>
        <translation>✓ 未发现问题：x_T 是纯噪声。β 在最后几步升到 1 是有意为之：这正是零终端 SNR 的作用。</translation>
    </message>
    <message>
        <source>This is how the cosine schedule ends (Nichol &amp; Dhariwal 2021 cap β at 0.999), and many models keep it; a linear schedule avoids it.</source>
        <translation>余弦调度本来就是这样结束的（Nichol 与 Dhariwal 2021 把 β 上限设为 0.999），许多模型保留这一点；线性调度可以避免它。</translation>
    </message>
    <message>
        <source>Switch to linear β %1..%2</source>
        <translation>改用线性 β %1..%2</translation>
    </message>
    <message>
        <source>β rises from %1 at t = %2 to %3 at t = %4: the last steps wipe out what signal is left all at once, and the reverse process must undo that in a few steps.</source>
        <translation>β 从 t = %2 处的 %1 升到 t = %4 处的 %3：最后几步一下子抹掉了剩余的信号，反向过程必须在几步之内撤销它。</translation>
    </message>
</context>
<context>
    <name>dlui::SchedulePanel</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Scaled linear (√β linear)</source>
        <translation>缩放线性（√β 线性）</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>S 形</translation>
    </message>
    <message>
        <source>Custom curve</source>
        <translation>自定义曲线</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;T</source>
        <translation>&amp;T</translation>
    </message>
    <message>
        <source>β at t = 1 (log scale)</source>
        <translation>t = 1 时的 β（对数刻度）</translation>
    </message>
    <message>
        <source>β_start</source>
        <translation>β_start</translation>
    </message>
    <message>
        <source>β at t = T (log scale)</source>
        <translation>t = T 时的 β（对数刻度）</translation>
    </message>
    <message>
        <source>β_end</source>
        <translation>β_end</translation>
    </message>
    <message>
        <source>Zero terminal SNR (ᾱ_T = 0)</source>
        <translation>零终端 SNR（ᾱ_T = 0）</translation>
    </message>
    <message>
        <source>Rescale so x_T is exactly pure noise (Lin et al. 2024)</source>
        <translation>重新缩放，使 x_T 恰好是纯噪声（Lin et al. 2024）</translation>
    </message>
    <message>
        <source>Pin for comparison</source>
        <translation>固定以便比较</translation>
    </message>
    <message>
        <source>Keep the current schedule as a dashed overlay while you edit</source>
        <translation>编辑时把当前调度保留为虚线叠加</translation>
    </message>
    <message>
        <source>dashed: %1</source>
        <translation>虚线：%1</translation>
    </message>
    <message>
        <source>The learned model samples with its own schedule: %1.</source>
        <translation>学习到的模型用它自己的调度采样：%1。</translation>
    </message>
    <message>
        <source>The model was trained with this schedule.</source>
        <translation>模型是用这个调度训练的。</translation>
    </message>
    <message>
        <source>β_start (%1) is above β_end (%2)</source>
        <translation>β_start（%1）大于 β_end（%2）</translation>
    </message>
    <message>
        <source>Number of diffusion steps T, from %1 to %2</source>
        <translation>扩散步数 T，从 %1 到 %2</translation>
    </message>
    <message>
        <source>Not applied: %1. The plots show the last valid schedule, and training uses it.</source>
        <translation>未应用：%1。图中显示的是最后一个有效的调度，训练也使用它。</translation>
    </message>
</context>
<context>
    <name>dlui::SchedulePlots</name>
    <message>
        <source>βₜ</source>
        <translation>βₜ</translation>
    </message>
    <message>
        <source>βₜ (pinned)</source>
        <translation>βₜ（固定）</translation>
    </message>
    <message>
        <source>ᾱₜ (pinned)</source>
        <translation>ᾱₜ（固定）</translation>
    </message>
    <message>
        <source>√ᾱₜ (pinned)</source>
        <translation>√ᾱₜ（固定）</translation>
    </message>
    <message>
        <source>√(1−ᾱₜ) (pinned)</source>
        <translation>√(1−ᾱₜ)（固定）</translation>
    </message>
    <message>
        <source>ᾱₜ</source>
        <translation>ᾱₜ</translation>
    </message>
    <message>
        <source>√ᾱₜ</source>
        <translation>√ᾱₜ</translation>
    </message>
    <message>
        <source>√(1−ᾱₜ)</source>
        <translation>√(1−ᾱₜ)</translation>
    </message>
    <message>
        <source>log-SNR</source>
        <translation>log-SNR</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>log-SNR (pinned)</source>
        <translation>log-SNR（固定）</translation>
    </message>
</context>
<context>
    <name>dlui::Session</name>
    <message>
        <source>unknown data source &quot;%1&quot;</source>
        <translation>未知的数据源“%1”</translation>
    </message>
    <message>
        <source>the session was written by a newer Diffusion Lab (format %1)</source>
        <translation>该会话由更新版本的 Diffusion Lab 写入（格式 %1）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: not a regular file</source>
        <translation>无法读取 %1：不是普通文件</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large for a session file</source>
        <translation>%1 太大，不像是会话文件</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>invalid schedule: %1</source>
        <translation>无效的调度：%1</translation>
    </message>
    <message>
        <source>%1 is not a session file: it is not valid JSON (the problem is near character %2).</source>
        <translation>%1 不是会话文件：它不是有效的 JSON（问题在第 %2 个字符附近）。</translation>
    </message>
    <message>
        <source>%1 is not a session file: it holds no JSON object.</source>
        <translation>%1 不是会话文件：其中没有 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>dlui::StepAnatomy</name>
    <message>
        <source>Reverse view, one sampler step per → / ←, with arrows to x̂₀, μ and the noise</source>
        <translation>反向视图，每按一次 → / ← 走一个采样步，并用箭头指向 x̂₀、μ 和噪声</translation>
    </message>
    <message>
        <source>Step mode shows the steps of a DDPM or DDIM run of 2D points: Sample first.</source>
        <translation>单步模式显示二维点上一次 DDPM 或 DDIM 采样的各步：请先采样。</translation>
    </message>
    <message>
        <source>Step mode: → and ← move one reverse step; click a point to follow it.</source>
        <translation>单步模式：→ 和 ← 移动一个反向步；点击一个点可跟踪它。</translation>
    </message>
    <message>
        <source>  ·  step mode: t = %1 → %2 (→ next step, ← back)</source>
        <translation>  ·  单步模式：t = %1 → %2（→ 下一步，← 后退）</translation>
    </message>
    <message>
        <source>  ·  step mode: x₀, every step done (Home: back to x_T)</source>
        <translation>  ·  单步模式：x₀，所有步都已完成（Home：回到 x_T）</translation>
    </message>
    <message>
        <source>Step mode (&amp;anatomy of a step)</source>
        <translation>单步模式（剖析一步）(&amp;A)</translation>
    </message>
</context>
<context>
    <name>dlui::StepMode</name>
    <message>
        <source>x_t → %1: the mean of the step</source>
        <translation>x_t → %1：这一步的均值</translation>
    </message>
    <message>
        <source>%1 → x_%2: the noise σ_t z = %3 z</source>
        <translation>%1 → x_%2：噪声 σ_t z = %3 z</translation>
    </message>
    <message>
        <source>x_t → E[x_0 | x_t]: the exact denoiser&apos;s clean point</source>
        <translation>x_t → E[x_0 | x_t]：精确去噪器给出的干净点</translation>
    </message>
    <message>
        <source>x_t → x_0 estimate: the model&apos;s guess of the clean point</source>
        <translation>x_t → x_0 估计：模型对干净点的估计</translation>
    </message>
</context>
<context>
    <name>dlui::ThemeMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>Black on white with heavier lines, for projectors</source>
        <translation>白底黑字，线条更粗，适合投影仪</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>配色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation>标准(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Colour-blind safe (cividis, Okabe–Ito)</source>
        <translation>色盲友好（cividis、Okabe–Ito）(&amp;C)</translation>
    </message>
</context>
<context>
    <name>dlui::TimelineWidget</name>
    <message>
        <source>|◀</source>
        <translation>|◀</translation>
    </message>
    <message>
        <source>Jump to the start (Home)</source>
        <translation>跳到开头（Home）</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Step back (←)</source>
        <translation>后退一步（←）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放/暂停（空格）</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Step (→)</source>
        <translation>前进一步（→）</translation>
    </message>
    <message>
        <source>▶|</source>
        <translation>▶|</translation>
    </message>
    <message>
        <source>Jump to the end (End)</source>
        <translation>跳到结尾（End）</translation>
    </message>
    <message>
        <source>Timestep t: 0 is the data, T is pure noise</source>
        <translation>时间步 t：0 是数据，T 是纯噪声</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Noising: x_t from the data and a fixed noise draw</source>
        <translation>加噪：由数据和一次固定的噪声抽样得到 x_t</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Sampling: the reverse chain from x_T to x_0 (after Sample)</source>
        <translation>采样：从 x_T 到 x_0 的反向链（采样之后）</translation>
    </message>
    <message>
        <source>Markov chain</source>
        <translation>马尔可夫链</translation>
    </message>
    <message>
        <source>Step by step x_t = √(1−β_t) x_{t−1} + √β_t ε_t instead of the closed form</source>
        <translation>逐步计算 x_t = √(1−β_t) x_{t−1} + √β_t ε_t，而不用闭式解</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>βₜ = %1   ᾱₜ = %2   SNR = %3</source>
        <translation>βₜ = %1   ᾱₜ = %2   SNR = %3</translation>
    </message>
    <message>
        <source>Loop: play again from the start at the end</source>
        <translation>循环：播放到结尾后从头再来</translation>
    </message>
    <message>
        <source>Run ▸ Playback speed multiplies the speed in the box</source>
        <translation>运行 ▸ 播放速度会把框中的速度乘以此倍数</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
</context>
<context>
    <name>dlui::TrainPanel</name>
    <message>
        <source>Model and training</source>
        <translation>模型和训练</translation>
    </message>
    <message>
        <source>Hidden width of every layer of the MLP ε_θ(x_t, t)</source>
        <translation>MLP ε_θ(x_t, t) 每一层的隐藏宽度</translation>
    </message>
    <message>
        <source>Residual blocks after the input layer</source>
        <translation>输入层之后的残差块数</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Sinusoidal features per coordinate (even); 0 feeds the raw coordinates</source>
        <translation>每个坐标的正弦特征数（偶数）；0 表示直接输入原始坐标</translation>
    </message>
    <message>
        <source>Peak learning rate of AdamW (after warm-up, then cosine decay)</source>
        <translation>AdamW 的峰值学习率（预热之后，随后余弦衰减）</translation>
    </message>
    <message>
        <source>Samples per training step</source>
        <translation>每个训练步的样本数</translation>
    </message>
    <message>
        <source>Step budget: training stops after this many steps</source>
        <translation>步数预算：训练到这么多步后停止</translation>
    </message>
    <message>
        <source>Seed of the initial weights and of the batches</source>
        <translation>初始权重和批次的随机种子</translation>
    </message>
    <message>
        <source>&amp;Width</source>
        <translation>宽度(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Depth</source>
        <translation>深度(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>批大小(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>步数(&amp;S)</translation>
    </message>
    <message>
        <source>Learning rate: %1</source>
        <translation>学习率：%1</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train a fresh model on the current data with the editor&apos;s schedule (Ctrl+T)</source>
        <translation>用编辑器的调度在当前数据上训练一个新模型（Ctrl+T）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step and keep the weights</source>
        <translation>在当前这一步之后停止并保留权重</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Train the current model for another step budget</source>
        <translation>用另一份步数预算继续训练当前模型</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Forget the trained model</source>
        <translation>丢弃已训练的模型</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>加载模型…</translation>
    </message>
    <message>
        <source>Sliced Wasserstein distance between samples of the model and data it never saw (a fresh draw of a built-in shape, or 20% of other data held out of training), next to the same distance for an independent draw of them (what a perfect model would reach)</source>
        <translation>模型样本与它从未见过的数据之间的切片 Wasserstein 距离（内置形状的新抽样，或从其他数据中留出、不参与训练的 20%），旁边是这些数据的独立抽样之间的同一距离（完美模型能达到的值）</translation>
    </message>
    <message>
        <source>Discard the model?</source>
        <translation>丢弃模型？</translation>
    </message>
    <message>
        <source>The trained model has not been saved. Discard it and start again?</source>
        <translation>已训练的模型尚未保存。要丢弃它并重新开始吗？</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <source>Cannot continue training: %1</source>
        <translation>无法继续训练：%1</translation>
    </message>
    <message>
        <source>%1 · step %2 / %3</source>
        <translation>%1 · 第 %2 / %3 步</translation>
    </message>
    <message>
        <source>%1 steps/s · ETA %2 · loss %3</source>
        <translation>%1 步/秒 · 剩余 %2 · 损失 %3</translation>
    </message>
    <message>
        <source>loss %1 (smoothed)</source>
        <translation>损失 %1（平滑后）</translation>
    </message>
    <message>
        <source> · ETA %1</source>
        <translation> · 剩余 %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>quality: measuring the new model…</source>
        <translation>质量：正在评估新模型…</translation>
    </message>
    <message>
        <source>quality: not measured for this model yet</source>
        <translation>质量：尚未评估此模型</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Training stopped: the data changed. The model keeps what it learned so far.</source>
        <translation>训练已停止：数据变了。模型保留目前学到的内容。</translation>
    </message>
    <message>
        <source>quality: the last figure was for other data; train to measure again</source>
        <translation>质量：上一次的数值针对的是其他数据；请训练以重新评估</translation>
    </message>
    <message>
        <source>Model trained with: %1</source>
        <translation>模型训练时使用：%1</translation>
    </message>
    <message>
        <source>The editor shows another schedule; sampling uses the model&apos;s.</source>
        <translation>编辑器显示的是另一个调度；采样使用模型自己的调度。</translation>
    </message>
    <message>
        <source>The model was trained on other data.</source>
        <translation>模型是在其他数据上训练的。</translation>
    </message>
    <message>
        <source>Will train with the editor&apos;s schedule: %1</source>
        <translation>将使用编辑器的调度训练：%1</translation>
    </message>
    <message>
        <source>There is no model to save.</source>
        <translation>没有可保存的模型。</translation>
    </message>
    <message>
        <source>loaded · step %1 · %2</source>
        <translation>已加载 · 第 %1 步 · %2</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Diffusion Lab models (*.dlmodel);;All files (*)</source>
        <translation>Diffusion Lab 模型 (*.dlmodel);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not save the model:
%1</source>
        <translation>无法保存模型：
%1</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Stop the training in progress and load this model?</source>
        <translation>停止正在进行的训练并加载此模型吗？</translation>
    </message>
    <message>
        <source>Could not load the model:
%1</source>
        <translation>无法加载模型：
%1</translation>
    </message>
    <message>
        <source>The model works on data of dimension %1, but the current data have dimension %2. Load matching data first.</source>
        <translation>模型处理的是 %1 维数据，而当前数据是 %2 维。请先加载维度匹配的数据。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Preset</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>not trained yet · Train (Ctrl+T) starts a run</source>
        <translation>尚未训练 · 训练（Ctrl+T）开始一次运行</translation>
    </message>
    <message>
        <source>reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Network and step budget for 2D points; the time is for two free cores.
%1</source>
        <translation>二维点的网络规模和步数预算；时间按两个空闲 CPU 核心估算。
%1</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>held-out data</source>
        <translation>留出的数据</translation>
    </message>
    <message>
        <source>new data</source>
        <translation>新抽取的数据</translation>
    </message>
    <message>
        <source>quality at step %1: SW₂ %2 to %3 (the unseen points are all one point)</source>
        <translation>第 %1 步的质量：到%3的 SW₂ 为 %2（未见过的点全是同一个点）</translation>
    </message>
    <message>
        <source> · %1 steps/s</source>
        <translation> · %1 步/秒</translation>
    </message>
    <message>
        <source>%1 · building the network…</source>
        <translation>%1 · 正在构建网络…</translation>
    </message>
    <message>
        <source>saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>saved · %1</source>
        <translation>已保存 · %1</translation>
    </message>
    <message>
        <source>Saved the model to %1</source>
        <translation>模型已保存到 %1</translation>
    </message>
    <message>
        <source>not saved · %1</source>
        <translation>未保存 · %1</translation>
    </message>
    <message>
        <source>%1 · step %2 · loss %4%3%5</source>
        <translation>%1 · 第 %2 步 · 损失 %4%3%5</translation>
    </message>
    <message>
        <source>%1 · step %2 · no loss yet%3%4</source>
        <translation>%1 · 第 %2 步 · 尚无损失%3%4</translation>
    </message>
    <message>
        <source>Could not save the model to %1</source>
        <translation>无法将模型保存到 %1</translation>
    </message>
    <message>
        <source>%1 · step %2 / %3 (continued from %4)</source>
        <translation>%1 · 第 %2 / %3 步（从第 %4 步继续）</translation>
    </message>
    <message>
        <source>%1 · step %2 (%3 planned)</source>
        <translation>%1 · 第 %2 步（计划 %3 步）</translation>
    </message>
    <message>
        <source>as close as it, within the noise</source>
        <translation>与之一样接近，在噪声范围内</translation>
    </message>
    <message>
        <source>so ×%1</source>
        <translation>即 ×%1</translation>
    </message>
    <message>
        <source>quality at step %1: SW₂ %2 to %3 (a perfect model ≈ %4, %5)</source>
        <translation>第 %1 步的质量：到%3的 SW₂ 为 %2（完美模型 ≈ %4，%5）</translation>
    </message>
    <message>
        <source> · only %1 unseen points, so rough</source>
        <translation> · 仅 %1 个未见过的点，故较粗略</translation>
    </message>
    <message>
        <source>Feat&amp;ures</source>
        <translation>特征(&amp;U)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>LR</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The model in the window has not been saved. Loading another one replaces it.</source>
        <translation>窗口中的模型尚未保存。加载另一个模型会替换它。</translation>
    </message>
    <message>
        <source>Save model &amp;first…</source>
        <translation>先保存模型(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>dlui::TrainingAndSampling</name>
    <message>
        <source>Model &amp; Train</source>
        <translation>模型与训练</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>  ·  trails: DDIM η = 0 from the same x_T</source>
        <translation>  ·  轨迹：从同一个 x_T 出发的 DDIM η = 0</translation>
    </message>
    <message>
        <source>&amp;Resume training</source>
        <translation>继续训练(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause training</source>
        <translation>暂停训练(&amp;P)</translation>
    </message>
    <message>
        <source>Could not load the session&apos;s model: %1</source>
        <translation>无法加载会话中的模型：%1</translation>
    </message>
    <message>
        <source>Training is running and will be stopped. The model so far will be lost unless it is saved to a file: Save model… does that.</source>
        <translation>训练正在进行，将被停止。除非把模型保存到文件，否则目前为止的模型将会丢失：“保存模型…”可以做到。</translation>
    </message>
    <message>
        <source>The trained model has not been saved to a file and will be lost (a session names its model&apos;s file but does not hold it). Save model… keeps it.</source>
        <translation>训练好的模型尚未保存到文件，将会丢失（会话只记录模型文件的名字，并不包含模型本身）。“保存模型…”可以保留它。</translation>
    </message>
    <message>
        <source>Sampling… %1 %</source>
        <translation>正在采样… %1 %</translation>
    </message>
    <message>
        <source>  ·  training: step %1 of %2</source>
        <translation>  ·  训练中：第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>dlui::TrainingController</name>
    <message>
        <source>not trained</source>
        <translation>未训练</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>There are no data to train on.</source>
        <translation>没有可用于训练的数据。</translation>
    </message>
    <message>
        <source>The model was trained on data of dimension %1; the current data have dimension %2.</source>
        <translation>模型是在 %1 维数据上训练的；当前数据是 %2 维。</translation>
    </message>
    <message>
        <source>There is no model to continue.</source>
        <translation>没有可以继续训练的模型。</translation>
    </message>
    <message>
        <source>There is no finished run to continue.</source>
        <translation>没有已结束的训练可以继续。</translation>
    </message>
</context>
<context>
    <name>dlui::TrainingNarrator</name>
    <message>
        <source>&amp;Narrated training step</source>
        <translation>讲解一个训练步(&amp;N)</translation>
    </message>
    <message>
        <source>One training step in five stages: batch and t, noise, x_t, prediction, loss and update</source>
        <translation>分五个阶段讲解一个训练步：批次与 t、噪声、x_t、预测、损失与更新</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>End the narrated step and resume the live training run</source>
        <translation>结束讲解，恢复实时训练</translation>
    </message>
    <message>
        <source>The narrated step failed: %1</source>
        <translation>讲解训练步失败：%1</translation>
    </message>
    <message>
        <source>Step %1, stage 1 of 5 · Draw a batch: %2 points x₀ from the data (ringed) and a timestep t ~ U{1, …, %3} for each (the first: t = %4).</source>
        <translation>第 %1 步，阶段 1/5 · 抽取一个批次：从数据中取 %2 个点 x₀（圆圈标出），并为每个点抽取时间步 t ~ U{1, …, %3}（第一个点：t = %4）。</translation>
    </message>
    <message>
        <source>Step %1, stage 2 of 5 · Draw the noise ε ~ N(0, I) for every point (the arrows from x₀).</source>
        <translation>第 %1 步，阶段 2/5 · 为每个点抽取噪声 ε ~ N(0, I)（从 x₀ 出发的箭头）。</translation>
    </message>
    <message>
        <source>Step %1, stage 3 of 5 · Form x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε: each point moves toward noise by its own t.</source>
        <translation>第 %1 步，阶段 3/5 · 构造 x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε：每个点按各自的 t 向噪声移动。</translation>
    </message>
    <message>
        <source>Step %1, stage 4 of 5 · Predict: the network sees x_t and t and answers %2̂ (red) next to the true %2 (grey).</source>
        <translation>第 %1 步，阶段 4/5 · 预测：网络看到 x_t 和 t，给出 %2̂（红色），旁边是真实的 %2（灰色）。</translation>
    </message>
    <message>
        <source>x₀ → x₀ + ε: the noise drawn</source>
        <translation>x₀ → x₀ + ε：抽取的噪声</translation>
    </message>
    <message>
        <source>x₀ → x_t</source>
        <translation>x₀ → x_t</translation>
    </message>
    <message>
        <source>the true %1</source>
        <translation>真实的 %1</translation>
    </message>
    <message>
        <source>Back to the &amp;live run</source>
        <translation>回到实时训练(&amp;L)</translation>
    </message>
    <message>
        <source>No trained model yet: a fresh one starts with the panel&apos;s settings, and its first step is narrated.</source>
        <translation>还没有训练好的模型：将按面板的设置开始新的训练，并讲解它的第一步。</translation>
    </message>
    <message>
        <source>, warming up to %1 over the first %2 steps</source>
        <translation>，在前 %2 步内预热升至 %1</translation>
    </message>
    <message>
        <source>, decaying from %1</source>
        <translation>，从 %1 开始衰减</translation>
    </message>
    <message>
        <source>Step %1, stage 5 of 5 · Loss = mean ‖%2 − %2̂‖² = %3; one AdamW step (learning rate %4%5) updates the weights. Space: another step; Back to the live run: training goes on.</source>
        <translation>第 %1 步，阶段 5/5 · 损失 = mean ‖%2 − %2̂‖² = %3；一步 AdamW（学习率 %4%5）更新权重。空格：再讲解一步；回到实时训练：训练继续。</translation>
    </message>
    <message>
        <source>End the &amp;narration</source>
        <translation>结束讲解(&amp;N)</translation>
    </message>
    <message>
        <source>End the narrated step; the run stays as it was</source>
        <translation>结束讲解，训练保持原状</translation>
    </message>
    <message>
        <source>Step %1, stage 1 of 5 · Draw a batch: %2 images x₀ from the data and a timestep t ~ U{1, …, %3} for each (the first: t = %4).</source>
        <translation>第 %1 步，阶段 1/5 · 抽取一个批次：从数据中取 %2 张图像 x₀，并为每张图像抽取时间步 t ~ U{1, …, %3}（第一张：t = %4）。</translation>
    </message>
    <message>
        <source>Step %1, stage 2 of 5 · Draw the noise ε ~ N(0, I) for every image, one value per pixel.</source>
        <translation>第 %1 步，阶段 2/5 · 为每张图像抽取噪声 ε ~ N(0, I)，每个像素一个值。</translation>
    </message>
    <message>
        <source>Step %1, stage 3 of 5 · Form x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε: each image moves toward noise by its own t.</source>
        <translation>第 %1 步，阶段 3/5 · 构造 x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε：每张图像按各自的 t 向噪声移动。</translation>
    </message>
    <message>
        <source>Step %1, stage 4 of 5 · Predict: the network sees x_t and t and answers %2̂ for every pixel.</source>
        <translation>第 %1 步，阶段 4/5 · 预测：网络看到 x_t 和 t，为每个像素给出 %2̂。</translation>
    </message>
    <message>
        <source>The model was trained on other data: a fresh one starts on these with the panel&apos;s settings, and its first step is narrated.</source>
        <translation>该模型是在其他数据上训练的：将以面板的设置在当前数据上开始一个新模型，并讲解它的第一步。</translation>
    </message>
    <message>
        <source>Step %1 · x₀: images of the batch</source>
        <translation>第 %1 步 · x₀：批次中的图像</translation>
    </message>
    <message>
        <source>Step %1 · ε: the noise of each image</source>
        <translation>第 %1 步 · ε：每张图像的噪声</translation>
    </message>
    <message>
        <source>Step %1 · x_t: each image noised to its own t</source>
        <translation>第 %1 步 · x_t：每张图像按各自的 t 加噪</translation>
    </message>
    <message>
        <source>Step %1 · %2̂: the network&apos;s answer for each image</source>
        <translation>第 %1 步 · %2̂：网络对每张图像的回答</translation>
    </message>
    <message>
        <source>the network&apos;s estimate of %1</source>
        <translation>网络对 %1 的估计</translation>
    </message>
</context>
<context>
    <name>dlui::TrainingPreset</name>
    <message>
        <source>%1 (≈ %2 s)</source>
        <translation>%1（≈ %2 秒）</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Fast; enough for the built-in shapes</source>
        <translation>快速；对内置形状已足够</translation>
    </message>
    <message>
        <source>Detailed shape</source>
        <translation>精细形状</translation>
    </message>
    <message>
        <source>For photos and images as 2D shapes: a wider network (256) and 20,000 steps keep sharp edges that the default blurs</source>
        <translation>用于把照片和图像作为二维形状：更宽的网络（256）和 20,000 步能保留默认预设会模糊掉的锐利边缘</translation>
    </message>
</context>
<context>
    <name>dlui::TrainingWorker</name>
    <message>
        <source>There is not enough memory for this network. Choose a smaller width or depth.</source>
        <translation>内存不足以容纳这个网络。请选择更小的宽度或深度。</translation>
    </message>
</context>
<context>
    <name>dlui::WindowCompare</name>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Two to four views of the same data and noise, each with its own schedule or sampler, on one t slider (Ctrl+K)</source>
        <translation>同一数据和噪声的二到四个视图，各自使用自己的调度或采样器，共用一个 t 滑块（Ctrl+K）</translation>
    </message>
    <message>
        <source>Com&amp;pare side by side</source>
        <translation>并排比较(&amp;P)</translation>
    </message>
</context>
<context>
    <name>dlui::WindowExport</name>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the schedule plots</source>
        <translation>保存调度图</translation>
    </message>
    <message>
        <source>PNG images (*.png);;PDF documents (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the loss curve</source>
        <translation>保存损失曲线</translation>
    </message>
    <message>
        <source>Save the data as CSV</source>
        <translation>将数据保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save the samples as CSV</source>
        <translation>将样本保存为 CSV</translation>
    </message>
    <message>
        <source>Save the reverse chain as CSV</source>
        <translation>将反向链保存为 CSV</translation>
    </message>
    <message>
        <source>Save the schedule table as CSV</source>
        <translation>将调度表保存为 CSV</translation>
    </message>
    <message>
        <source>There is no loss history yet: train a model first.</source>
        <translation>还没有损失历史：请先训练模型。</translation>
    </message>
    <message>
        <source>Save the loss history as CSV</source>
        <translation>将损失历史保存为 CSV</translation>
    </message>
    <message>
        <source>The view is on the clipboard.</source>
        <translation>视图已复制到剪贴板。</translation>
    </message>
    <message>
        <source>There is no clipboard to copy to.</source>
        <translation>没有可用的剪贴板。</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>βₜ · %1</source>
        <translation>βₜ · %1</translation>
    </message>
    <message>
        <source>ᾱₜ, √ᾱₜ and √(1 − ᾱₜ) · %1</source>
        <translation>ᾱₜ、√ᾱₜ 与 √(1 − ᾱₜ) · %1</translation>
    </message>
    <message>
        <source>Signal-to-noise ratio ᾱₜ / (1 − ᾱₜ) · %1</source>
        <translation>信噪比 ᾱₜ / (1 − ᾱₜ) · %1</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失曲线</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>导出已取消：没有写入任何文件。</translation>
    </message>
</context>
<context>
    <name>dlui::WindowInput</name>
    <message>
        <source>“%1” is not a value this field takes (%2 to %3): it keeps the one before.</source>
        <translation>此栏不接受“%1”（取值范围 %2 至 %3），已保留原值。</translation>
    </message>
    <message>
        <source>“%1” is not a value this field takes (%2 to %3): the last key is left out.</source>
        <translation>此栏不接受“%1”（取值范围 %2 至 %3），最后一个按键未被采用。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See how diffusion models work.</source>
        <translation>看清扩散模型如何工作。</translation>
    </message>
    <message>
        <source>Run a short scripted session, save the window as PNG and quit.</source>
        <translation>运行一段简短的脚本演示，将窗口保存为 PNG 后退出。</translation>
    </message>
    <message>
        <source>Timestep shown by --demo-screenshot.</source>
        <translation>--demo-screenshot 显示的时间步。</translation>
    </message>
    <message>
        <source>Start from the defaults, not the last session.</source>
        <translation>从默认设置开始，而不是上次的会话。</translation>
    </message>
    <message>
        <source>Session, lesson, CSV or image files to open.</source>
        <translation>要打开的会话、课程、CSV 或图像文件。</translation>
    </message>
</context>
</TS>
