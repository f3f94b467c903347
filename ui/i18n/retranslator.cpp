#include "ui/i18n/retranslator.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBox>

#include "ui/i18n/accesskeytext.h"
#include "ui/i18n/recordingtranslator.h"

namespace dlui {

namespace {

const QRegularExpression& placeholderPattern() {
    static const QRegularExpression p(QStringLiteral("%L?([1-9][0-9]?|n)"));
    return p;
}

// A recorded template turned into a pattern: literal text between placeholders, one lazy group per
// placeholder, and the placeholder each group stands for.
struct TemplateMatcher {
    QString literalPrefix;
    QString literalSuffix;
    QRegularExpression pattern;  // the shortest first argument …
    QRegularExpression greedy;  // … and the longest: "%1 (%2)" splits "Train (or resume) (Ctrl+T)" two ways
    QStringList placeholders;   // "1", "2", "n" in the order they appear
    qsizetype literalLength = 0;
    MessageKey key;
};

TemplateMatcher makeMatcher(const QString& shown, const MessageKey& key) {
    TemplateMatcher m;
    m.key = key;
    QString regex = QStringLiteral("^");
    QString greedy = regex;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(shown);
    bool first = true;
    while (it.hasNext()) {
        const auto match = it.next();
        const QString literal = shown.mid(last, match.capturedStart() - last);
        if (first) m.literalPrefix = literal;
        first = false;
        regex += QRegularExpression::escape(literal) + QStringLiteral("(.*?)");
        greedy += QRegularExpression::escape(literal) + QStringLiteral("(.*)");
        m.literalLength += literal.size();
        m.placeholders << match.captured(1);
        last = match.capturedEnd();
    }
    m.literalSuffix = shown.mid(last);
    m.literalLength += m.literalSuffix.size();
    regex += QRegularExpression::escape(m.literalSuffix) + QStringLiteral("$");
    greedy += QRegularExpression::escape(m.literalSuffix) + QStringLiteral("$");
    m.pattern = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
    m.greedy = QRegularExpression(greedy, QRegularExpression::DotMatchesEverythingOption);
    return m;
}

// Fills a template's placeholders with the arguments by name (a translation may reorder them).
QString fill(const QString& pattern, const QHash<QString, QString>& arguments) {
    QString out;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(pattern);
    while (it.hasNext()) {
        const auto match = it.next();
        out += pattern.mid(last, match.capturedStart() - last);
        out += arguments.value(match.captured(1), match.captured(0));
        last = match.capturedEnd();
    }
    return out + pattern.mid(last);
}

class Retranslator {
public:
    explicit Retranslator(const RecordingTranslator& translator) : mTranslator(translator) {
        for (const auto& [shown, key] : translator.templates()) mMatchers.push_back(makeMatcher(shown, key));
        // Longer literal text first: "Samples loaded: %1." before "%1".
        std::sort(mMatchers.begin(), mMatchers.end(), [](const TemplateMatcher& a, const TemplateMatcher& b) {
            return a.literalLength > b.literalLength;
        });
    }

    QString text(const QString& shown, int depth = 0) const {
        if (shown.trimmed().isEmpty() || depth > 3) return shown;
        if (const auto key = mTranslator.messageFor(shown)) return mTranslator.translateKey(*key);
        // A text made of messages one to a line (a status with a note added below it): each line in turn,
        // when every line with words is a message. Otherwise a template may hold the lines ("…\n%1").
        if (shown.contains(QLatin1Char('\n'))) {
            static const QRegularExpression word(QStringLiteral("\\p{L}"));
            QStringList lines = shown.split(QLatin1Char('\n'));
            bool everyLine = true;
            for (QString& line : lines) {
                const QString now = text(line, depth);
                if (now == line && line.contains(word)) everyLine = false;
                line = now;
            }
            if (everyLine) return lines.join(QLatin1Char('\n'));
        }
        for (const TemplateMatcher& m : mMatchers) {
            if (m.literalLength == 0 && depth > 0) continue;  // "%1" would match any argument
            if (!shown.startsWith(m.literalPrefix) || !shown.endsWith(m.literalSuffix)) continue;
            // Of the two ways to split the text into arguments, the one with more arguments that are
            // messages themselves; the shortest first argument on a tie.
            QString result;
            int bestReworded = -1;
            for (const QRegularExpression* pattern : {&m.pattern, &m.greedy}) {
                const auto match = pattern->match(shown);
                if (!match.hasMatch()) continue;
                QHash<QString, QString> arguments;
                int reworded = 0;
                for (int i = 0; i < m.placeholders.size(); ++i) {
                    const QString argument = match.captured(i + 1);
                    const QString now = text(argument, depth + 1);
                    reworded += now != argument ? 1 : 0;
                    arguments.insert(m.placeholders[i], now);
                }
                if (reworded > bestReworded) {
                    bestReworded = reworded;
                    result = fill(mTranslator.translateKey(m.key), arguments);
                }
            }
            if (bestReworded < 0 || result == shown) continue;  // try a more general template
            return result;
        }
        return shown;
    }

    void widget(QWidget* w) const {
        setIfChanged(w->windowTitle(), [w](const QString& s) { w->setWindowTitle(s); });
        setIfChanged(w->toolTip(), [w](const QString& s) { w->setToolTip(s); });
        setIfChanged(w->statusTip(), [w](const QString& s) { w->setStatusTip(s); });
        setIfChanged(w->whatsThis(), [w](const QString& s) { w->setWhatsThis(s); });
        setIfChanged(w->accessibleName(), [w](const QString& s) { w->setAccessibleName(s); });
        if (auto* label = qobject_cast<QLabel*>(w))
            setIfChanged(label->text(), [label](const QString& s) { label->setText(s); });
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            setIfChanged(button->text(), [button](const QString& s) { button->setText(s); });
        if (auto* group = qobject_cast<QGroupBox*>(w))
            setIfChanged(group->title(), [group](const QString& s) { group->setTitle(s); });
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            setIfChanged(edit->placeholderText(), [edit](const QString& s) { edit->setPlaceholderText(s); });
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(w))
            setIfChanged(spin->specialValueText(),
                         [spin](const QString& s) { spin->setSpecialValueText(s); });
        if (auto* spin = qobject_cast<QSpinBox*>(w)) {
            setIfChanged(spin->prefix(), [spin](const QString& s) { spin->setPrefix(s); });
            setIfChanged(spin->suffix(), [spin](const QString& s) { spin->setSuffix(s); });
        }
        if (auto* spin = qobject_cast<QDoubleSpinBox*>(w)) {
            setIfChanged(spin->prefix(), [spin](const QString& s) { spin->setPrefix(s); });
            setIfChanged(spin->suffix(), [spin](const QString& s) { spin->setSuffix(s); });
        }
        if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i) {
                setIfChanged(combo->itemText(i), [combo, i](const QString& s) { combo->setItemText(i, s); });
                setIfChanged(combo->itemData(i, Qt::ToolTipRole).toString(),
                             [combo, i](const QString& s) { combo->setItemData(i, s, Qt::ToolTipRole); });
            }
        }
        if (auto* tabs = qobject_cast<QTabWidget*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                setIfChanged(tabs->tabText(i), [tabs, i](const QString& s) { tabs->setTabText(i, s); });
                setIfChanged(tabs->tabToolTip(i), [tabs, i](const QString& s) { tabs->setTabToolTip(i, s); });
            }
        }
        if (auto* box = qobject_cast<QToolBox*>(w)) {
            for (int i = 0; i < box->count(); ++i)
                setIfChanged(box->itemText(i), [box, i](const QString& s) { box->setItemText(i, s); });
        }
        if (auto* menu = qobject_cast<QMenu*>(w))
            setIfChanged(menu->title(), [menu](const QString& s) { menu->setTitle(s); });
        if (auto* dock = qobject_cast<QDockWidget*>(w)) {
            // The View menu shows a dock's title as it is: "Model & Train" must not turn '&' into a mnemonic.
            dock->toggleViewAction()->setText(withLiteralAmpersands(dock->windowTitle()));
        }
        if (auto* bar = qobject_cast<QStatusBar*>(w)) {
            const QString message = bar->currentMessage();
            const QString now = text(message);
            if (now != message) bar->showMessage(now, 8000);
        }
        if (auto* plot = qobject_cast<QCustomPlot*>(w)) this->plot(plot);
        for (QAction* action : w->actions()) this->action(action);
    }

    void action(QAction* a) const {
        if (mDoneActions.contains(a)) return;
        mDoneActions.insert(a);
        // An action's icon text and tooltip follow its text unless they were set: leave those that follow
        // (Qt derives them as it would for a fresh action with the same text).
        const QAction plain(a->text());
        const bool ownIconText = a->iconText() != plain.iconText();
        const bool ownToolTip = a->toolTip() != plain.toolTip();
        setIfChanged(a->text(), [a](const QString& s) { a->setText(s); });
        if (ownIconText) setIfChanged(a->iconText(), [a](const QString& s) { a->setIconText(s); });
        if (ownToolTip) setIfChanged(a->toolTip(), [a](const QString& s) { a->setToolTip(s); });
        setIfChanged(a->statusTip(), [a](const QString& s) { a->setStatusTip(s); });
        if (QMenu* menu = a->menu()) widget(menu);
    }

    void plot(QCustomPlot* plot) const {
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes())
                setIfChanged(axis->label(), [axis](const QString& s) { axis->setLabel(s); });
        for (int i = 0; i < plot->plottableCount(); ++i) {
            QCPAbstractPlottable* p = plot->plottable(i);
            setIfChanged(p->name(), [p](const QString& s) { p->setName(s); });
        }
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPItemText*>(plot->item(i)))
                setIfChanged(item->text(), [item](const QString& s) { item->setText(s); });
        for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
            if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
                setIfChanged(title->text(), [title](const QString& s) { title->setText(s); });
        plot->replot(QCustomPlot::rpQueuedReplot);
    }

private:
    template <typename Setter>
    void setIfChanged(const QString& shown, Setter set) const {
        if (shown.isEmpty()) return;
        const QString now = text(shown);
        if (now != shown) set(now);
    }

    const RecordingTranslator& mTranslator;
    std::vector<TemplateMatcher> mMatchers;
    mutable QSet<QAction*> mDoneActions;
};

}  // namespace

QString retranslateText(const QString& text, const RecordingTranslator& translator) {
    return Retranslator(translator).text(text);
}

void retranslateWidgetTree(QWidget* root, const RecordingTranslator& translator) {
    const Retranslator r(translator);
    r.widget(root);
    for (QWidget* child : root->findChildren<QWidget*>()) r.widget(child);
    for (QAction* action : root->findChildren<QAction*>()) r.action(action);
}

}  // namespace dlui
