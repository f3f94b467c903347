// The Explain dock's numbers and text without widgets: number formatting, the step numbers against the
// closed forms of the schedule (a 2-step schedule by hand, then every t of a real one), the skipped-step
// coefficients of a K-step sampler, which equations each view and sampler shows, and that no raw LaTeX
// reaches the screen.
#include <QAbstractTextDocumentLayout>
#include <QRawFont>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QtTest>
#include <cmath>

#include "core/math/schedule.h"
#include "core/sampling/timesteps.h"
#include "ui/explain/equationtext.h"
#include "ui/explain/explainnumbers.h"
#include "ui/explain/mathhtml.h"
#include "ui/render/alphabartext.h"

using dlui::EquationText;
using dlui::ExplainView;
using dlui::StepNumbers;
namespace mh = dlui::mathhtml;

namespace {

dl::ScheduleParams linear(int T, double b0, double b1) {
    dl::ScheduleParams p;
    p.T = T;
    p.betaStart = b0;
    p.betaEnd = b1;
    return p;
}

dl::SamplerParams sampler(dl::SamplerKind kind) {
    dl::SamplerParams p;
    p.kind = kind;
    return p;
}

}  // namespace

class TestExplainText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatsNumbers_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << 0.9999 << QStringLiteral("0.9999");
        QTest::newRow("four digits") << 0.0266851 << QStringLiteral("0.02669");
        QTest::newRow("small") << 1e-4 << QStringLiteral("1.000\u00D710<sup>\u22124</sup>");
        QTest::newRow("rounds up") << 9.99996e-4 << QStringLiteral("1.000\u00D710<sup>\u22123</sup>");
        QTest::newRow("negative") << -0.5 << QStringLiteral("\u22120.5");
        QTest::newRow("large") << 12346.0 << QStringLiteral("1.235\u00D710<sup>4</sup>");
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << QStringLiteral("\u221E");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0");
    }
    void formatsNumbers() {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(mh::number(value), text);
    }

    // The timeline's numbers line has no HTML: the same digits, the power in superscript characters (it
    // wrote 999.0000 beside the dock's 999, and 1.00e+05).
    void formatsPlainNumbers() {
        QCOMPARE(mh::plainNumber(999.0), QStringLiteral("999"));
        QCOMPARE(mh::plainNumber(0.0266851), QStringLiteral("0.02669"));
        QCOMPARE(mh::plainNumber(2.4734e-5), QStringLiteral("2.473\u00D710\u207B\u2075"));
        QCOMPARE(mh::plainNumber(12346.0), QStringLiteral("1.235\u00D710\u2074"));
        QCOMPARE(mh::plainNumber(1e10), QStringLiteral("1.000\u00D710\u00B9\u2070"));
        QCOMPARE(mh::plainNumber(std::numeric_limits<double>::infinity()), QStringLiteral("\u221E"));
        // β on a schedule fix's button: three digits, no "1e-05".
        QCOMPARE(dlui::shortNumberText(1e-5), QStringLiteral("1\u00D710\u207B\u2075"));
        QCOMPARE(dlui::shortNumberText(2.5e-5), QStringLiteral("2.5\u00D710\u207B\u2075"));
        QCOMPARE(dlui::shortNumberText(9.9996e-5), QStringLiteral("1\u00D710\u207B\u2074"));
        QCOMPARE(dlui::shortNumberText(0.002), QStringLiteral("0.002"));
        QCOMPARE(dlui::shortNumberText(0.133), QStringLiteral("0.133"));
    }

    // In a narrow Explain dock "√(1 − β_t)" broke after its "1 −" and left "β_t" under an overline of its
    // own, and a formula's "1 − ᾱ_t" fell over three lines. Laid out 1 px wide (every allowed break taken): a
    // one-piece equation stays one line, and a root in running text stays on one line.
    void formulasDoNotWrapInside() {
        const QString radicand = QStringLiteral("1 ") + mh::kMinus + QStringLiteral(" ") + mh::sub("β", "t");
        const auto laidOut = [](QTextDocument& doc, const QString& html) {
            doc.setHtml(html);
            doc.setTextWidth(1.0);
            doc.documentLayout()->documentSize();  // lays the document out
            return doc.firstBlock();
        };
        QTextDocument formula;
        const QTextBlock whole =
            laidOut(formula, mh::equation({QStringLiteral("a = ") + mh::root(radicand) +
                                           QStringLiteral(" x + ") + mh::sub("y", "t")}));
        QCOMPARE(whole.layout()->lineCount(), 1);

        QTextDocument prose;
        const QTextBlock block = laidOut(
            prose, QStringLiteral("<p>with a = ") + mh::root(radicand) + QStringLiteral(" = 0.9</p>"));
        const QString text = block.text();
        const int rootAt = text.indexOf(QChar(0x221A)), endAt = text.indexOf(QChar(0x209C));
        QVERIFY2(rootAt >= 0 && endAt > rootAt, qPrintable(text));
        QVERIFY(block.layout()->lineCount() > 1);  // the words around it do wrap
        QCOMPARE(block.layout()->lineForTextPosition(endAt).lineNumber(),
                 block.layout()->lineForTextPosition(rootAt).lineNumber());
    }

    // DDIM's √(1 − ᾱ_s − σ_t²): the overline stopped short of the "2" drawn as <sup>. Inside a root the
    // square is the character ², under the overline with the rest.
    void aSquareUnderARootIsUnderItsOverline() {
        const QString squared =
            mh::sup(mh::sub(QStringLiteral("σ"), QStringLiteral("t")), QStringLiteral("2"));
        const QString html = mh::root(QStringLiteral("1 ") + mh::kMinus + QStringLiteral(" ") + squared);
        QVERIFY2(!html.contains(QStringLiteral("<sup>")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("σₜ²")), qPrintable(html));
        QTextDocument doc;
        doc.setHtml(html);
        QTextCursor cursor(&doc);
        cursor.movePosition(QTextCursor::End);  // its format is the last character's
        QCOMPARE(doc.characterAt(cursor.position() - 1), QChar(0x00B2));
        QVERIFY(cursor.charFormat().fontOverline());
    }

    // β = (0.1, 0.5): α = (0.9, 0.5), ᾱ = (0.9, 0.45); at t = 2: β̃ = 0.5·(1−0.9)/(1−0.45) = 0.05/0.55,
    // μ̃ coefficients √0.9·0.5/0.55 (x_0) and √0.5·0.1/0.55 (x_t), ε coefficient 0.5/√0.55.
    void twoStepScheduleByHand() {
        const dl::Schedule s(linear(2, 0.1, 0.5));
        const StepNumbers n = dlui::stepNumbers(s, 2, sampler(dl::SamplerKind::DdpmPosterior));
        QCOMPARE(n.prev, 1);
        QVERIFY(qFuzzyCompare(n.alphaBar, 0.45));
        QVERIFY(qFuzzyCompare(n.snr, 0.45 / 0.55));
        QVERIFY(qFuzzyCompare(n.posteriorVariance, 0.05 / 0.55));
        QVERIFY(qFuzzyCompare(n.coefX0, std::sqrt(0.9) * 0.5 / 0.55));
        QVERIFY(qFuzzyCompare(n.coefXt, std::sqrt(0.5) * 0.1 / 0.55));
        QVERIFY(qFuzzyCompare(n.epsCoef, 0.5 / std::sqrt(0.55)));
        QVERIFY(qFuzzyCompare(n.sigma, std::sqrt(0.05 / 0.55)));
        QVERIFY(
            qFuzzyCompare(dlui::stepNumbers(s, 2, sampler(dl::SamplerKind::DdpmBeta)).sigma, std::sqrt(0.5)));
        // The last step adds no noise; t = 0 shows t = 1.
        QCOMPARE(dlui::stepNumbers(s, 1, sampler(dl::SamplerKind::DdpmPosterior)).sigma, 0.0);
        QCOMPARE(dlui::stepNumbers(s, 0, sampler(dl::SamplerKind::DdpmPosterior)).t, 1);
    }

    void everyStepMatchesTheSchedule() {
        const dl::Schedule s(linear(200, 1e-4, 0.05));
        for (int t = 2; t <= s.T(); ++t) {
            const StepNumbers n = dlui::stepNumbers(s, t, sampler(dl::SamplerKind::DdpmPosterior));
            QCOMPARE(n.beta, s.beta(t));
            QCOMPARE(n.alpha, s.alpha(t));
            QCOMPARE(n.alphaBar, s.alphaBar(t));
            QCOMPARE(n.sqrtAlphaBar, std::sqrt(s.alphaBar(t)));
            QCOMPARE(n.sqrtOneMinusAlphaBar, std::sqrt(1.0 - s.alphaBar(t)));
            QVERIFY2(std::abs(n.posteriorVariance - s.posteriorVariance(t)) <= 1e-12 * s.posteriorVariance(t),
                     qPrintable(QStringLiteral("t = %1").arg(t)));
            QVERIFY(std::abs(n.coefX0 - s.posteriorMeanCoef1(t)) <= 1e-12);
            QVERIFY(std::abs(n.coefXt - s.posteriorMeanCoef2(t)) <= 1e-12);
            QVERIFY(std::abs(n.sigma - std::sqrt(s.posteriorVariance(t))) <= 1e-12);
        }
    }

    // DDIM with K = 10 of T = 100 jumps t → s; β′ = 1 − ᾱ_t/ᾱ_s and σ = η √β′(1−ᾱ_s)/(1−ᾱ_t) (Song et al.
    // 2021, Eq. 16).
    void skippingSamplerUsesTheJump() {
        const dl::Schedule s(linear(100, 1e-3, 0.1));
        dl::SamplerParams p = sampler(dl::SamplerKind::Ddim);
        p.steps = 10;
        p.eta = 0.7;
        const std::vector<int> listed = dl::samplingTimesteps(100, 10, p.spacing);
        const int t = listed[2], sExpected = listed[3];
        const StepNumbers n = dlui::stepNumbers(s, t, p);
        QCOMPARE(n.prev, sExpected);
        const double ab = s.alphaBar(t), abS = s.alphaBar(sExpected);
        const double betaJump = 1.0 - ab / abS;
        QVERIFY(std::abs(n.betaStep - betaJump) < 1e-12);
        QVERIFY(std::abs(n.sigma - 0.7 * std::sqrt(betaJump * (1.0 - abS) / (1.0 - ab))) < 1e-12);
        QVERIFY(std::abs(n.ddimDirection - std::sqrt(1.0 - abS - n.sigma * n.sigma)) < 1e-12);
        // A t between listed steps goes to the next listed one below it.
        QCOMPARE(dlui::stepNumbers(s, t - 1, p).prev, sExpected);
    }

    // Zero terminal SNR makes ᾱ_T = 0, which the samplers raise to 2⁻²⁴: the table's β̃_T was that floor's
    // 0.6971 beside ᾱ_T = 0, where the formula gives 1, with nothing to say why. The table now says so and
    // gives the schedule's own β̃_T; where no floor applies it says nothing.
    void aFlooredAlphaBarIsSaid() {
        dl::ScheduleParams p;
        p.kind = dl::ScheduleKind::ScaledLinear;
        p.T = 1000;
        p.betaStart = 0.00085;
        p.betaEnd = 0.012;
        p.zeroTerminalSnr = true;
        const dl::Schedule s(p);
        QCOMPARE(s.alphaBar(s.T()), 0.0);
        const StepNumbers last = dlui::stepNumbers(s, s.T(), sampler(dl::SamplerKind::DdpmPosterior));
        QVERIFY(last.alphaBarFloored);
        QVERIFY(std::abs(last.exactPosteriorVariance - s.posteriorVariance(s.T())) <= 1e-12);
        QVERIFY(std::abs(last.exactPosteriorVariance - last.posteriorVariance) > 0.1);  // the floor's effect
        const QString table = EquationText::valuesTable(last, dl::SamplerKind::DdpmPosterior);
        QVERIFY2(table.contains(QStringLiteral("floor")), qPrintable(table));
        QVERIFY(table.contains(mh::number(s.posteriorVariance(s.T()))));

        const StepNumbers before = dlui::stepNumbers(s, s.T() - 1, sampler(dl::SamplerKind::DdpmPosterior));
        QVERIFY(!before.alphaBarFloored && !before.alphaBarPrevFloored);
        QVERIFY(!EquationText::valuesTable(before, dl::SamplerKind::DdpmPosterior)
                     .contains(QStringLiteral("floor")));
        p.zeroTerminalSnr = false;
        const dl::Schedule plain(p);
        const StepNumbers plainLast =
            dlui::stepNumbers(plain, plain.T(), sampler(dl::SamplerKind::DdpmPosterior));
        QVERIFY(!plainLast.alphaBarFloored);
        QCOMPARE(plainLast.exactPosteriorVariance, plainLast.posteriorVariance);
        QVERIFY(!EquationText::valuesTable(plainLast, dl::SamplerKind::DdpmPosterior)
                     .contains(QStringLiteral("floor")));
    }

    void langevinStepIsAFractionOfTheNoiseVariance() {
        const dl::Schedule s(linear(100, 1e-3, 0.1));
        dl::SamplerParams p = sampler(dl::SamplerKind::Langevin);
        p.langevinStepSize = 0.05;
        const StepNumbers n = dlui::stepNumbers(s, 40, p);
        QVERIFY(qFuzzyCompare(n.langevinDelta, 0.05 * (1.0 - s.alphaBar(40))));
        QVERIFY(qFuzzyCompare(n.sigma, std::sqrt(n.langevinDelta)));
    }

    void sectionsFollowViewAndSampler() {
        using K = dl::SamplerKind;
        const QStringList forward{"values", "forwardStep", "closedForm", "loss"};
        QCOMPARE(EquationText::sectionIds(ExplainView::Forward, K::Ddim), forward);
        QCOMPARE(EquationText::sectionIds(ExplainView::Reverse, K::DdpmPosterior),
                 (QStringList{"values", "posterior", "ddpm"}));
        QCOMPARE(EquationText::sectionIds(ExplainView::Reverse, K::DdpmBeta),
                 (QStringList{"values", "posterior", "ddpm"}));
        QCOMPARE(EquationText::sectionIds(ExplainView::Reverse, K::Ddim),
                 (QStringList{"values", "posterior", "ddim"}));
        QCOMPARE(EquationText::sectionIds(ExplainView::Reverse, K::Langevin),
                 (QStringList{"values", "posterior", "langevin"}));
    }

    // Every section is rich text with its numbers in it and no LaTeX source.
    void textCarriesTheNumbersAndNoLatex() {
        const dl::Schedule s(linear(150, 1e-3, 0.133));
        for (auto kind : {dl::SamplerKind::DdpmPosterior, dl::SamplerKind::DdpmBeta, dl::SamplerKind::Ddim,
                          dl::SamplerKind::Langevin}) {
            for (auto view : {ExplainView::Forward, ExplainView::Reverse}) {
                dl::SamplerParams p = sampler(kind);
                p.eta = 1.0;
                const StepNumbers n = dlui::stepNumbers(s, 30, p);
                QString all;
                for (const dlui::ExplainSection& section : EquationText::sections(view, p, n)) {
                    QVERIFY(!section.title.isEmpty());
                    QVERIFY(Qt::mightBeRichText(section.html));
                    all += section.title + section.html;
                }
                for (const char* latex : {"\\", "_{", "^{", "$", "\\frac", "\\sqrt", "mathbf"})
                    QVERIFY2(!all.contains(QLatin1String(latex)), latex);
                for (double v : {n.beta, n.alpha, n.alphaBar, n.sqrtAlphaBar, n.sqrtOneMinusAlphaBar,
                                 n.posteriorVariance, n.sigma, n.snr})
                    QVERIFY2(all.contains(mh::number(v)), qPrintable(mh::number(v)));
                if (view == ExplainView::Reverse && kind != dl::SamplerKind::Langevin)
                    QVERIFY(all.contains(mh::number(n.coefX0)) && all.contains(mh::number(n.coefXt)));
            }
        }
    }

    // At t = 0 the timeline shows the data; the values are the first step's, and the title says which
    // step they are instead of "Values at t = 1".
    void valuesAtTheDataNameTheFirstStep() {
        const dl::Schedule s(linear(100, 1e-4, 0.02));
        const dl::SamplerParams p = sampler(dl::SamplerKind::DdpmPosterior);
        auto valuesTitle = [&](int t) {
            for (const dlui::ExplainSection& section :
                 EquationText::sections(ExplainView::Forward, p, dlui::stepNumbers(s, t, p)))
                if (section.id == QLatin1String("values")) return section.title;
            return QString();
        };
        QCOMPARE(valuesTitle(5), QStringLiteral("Values at t = 5 of T = 100"));
        QCOMPARE(valuesTitle(1), QStringLiteral("Values at t = 1 of T = 100"));
        const QString atData = valuesTitle(0);
        QVERIFY2(!atData.startsWith(QStringLiteral("Values at t = 1")), qPrintable(atData));
        QVERIFY2(atData.contains(QStringLiteral("t = 0")) && atData.contains(QStringLiteral("first step")),
                 qPrintable(atData));
    }

    // Deterministic DDIM (η = 0) adds no noise: its numbers say so instead of "+ 0 z".
    void ddimWithoutNoiseWritesNoZeroNoiseTerm() {
        const dl::Schedule s(linear(100, 1e-3, 0.1));
        dl::SamplerParams p = sampler(dl::SamplerKind::Ddim);
        p.steps = 10;
        for (const double eta : {0.0, 0.5}) {
            p.eta = eta;
            QString html;
            for (const dlui::ExplainSection& section :
                 EquationText::sections(ExplainView::Reverse, p, dlui::stepNumbers(s, 50, p)))
                if (section.id == QLatin1String("ddim")) html = section.html;
            QVERIFY(!html.isEmpty());
            const QString zeroNoise = mh::number(0.0) + QStringLiteral("</span></nobr> <b>z</b>");
            QCOMPARE(html.contains(zeroNoise), false);
            QCOMPARE(html.contains(QStringLiteral("no noise is added")), eta == 0.0);
        }
    }

    // Every character on screen is in DejaVu Sans, the one font a fresh Debian machine has
    // (fonts-dejavu-core), so nothing falls back to a missing font or a box.
    void everyCharacterIsInDejaVuSans() {
        const QString path = QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        if (!QFile::exists(path)) QSKIP("DejaVu Sans is not installed (Debian package fonts-dejavu-core)");
        const QRawFont font(path, 12);
        QVERIFY(font.isValid());
        QVERIFY(!font.supportsCharacter(QChar(0xD835)));  // the first half of 𝒩 fails, as it should
        const dl::Schedule s(linear(100, 1e-4, 0.02));
        QString all;
        for (auto kind : {dl::SamplerKind::DdpmPosterior, dl::SamplerKind::DdpmBeta, dl::SamplerKind::Ddim,
                          dl::SamplerKind::Langevin})
            for (auto view : {ExplainView::Forward, ExplainView::Reverse}) {
                dl::SamplerParams p = sampler(kind);
                p.steps = 10;
                for (const dlui::ExplainSection& section :
                     EquationText::sections(view, p, dlui::stepNumbers(s, 0, p)))
                    all += section.title + section.html;
            }
        // A character outside the BMP (e.g. the script 𝒩 of math fonts) shows up as surrogates, which fail
        // too.
        for (const QChar c : all)
            if (c.unicode() > 0x7f)
                QVERIFY2(font.supportsCharacter(c),
                         qPrintable(QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0'))));
    }
};

QTEST_MAIN(TestExplainText)
#include "tst_explain_text.moc"
