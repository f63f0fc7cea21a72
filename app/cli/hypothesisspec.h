#pragma once
// How the command line names hypotheses: "hardware,ddos" or "Failing switch=hardware,Botnet=ddos"
// for new ones (`new --hypotheses`, `hypotheses --add`), and an id or a name (any case) for one
// the case holds (`evidence --hypothesis`, `hypotheses --remove`).

#include "model/hypothesis.h"

#include <QList>
#include <QString>

#include <optional>

namespace inquest::cli {

std::optional<QList<Hypothesis>> parseHypotheses(const QString &spec, QString *error);
const Hypothesis *findHypothesis(const QList<Hypothesis> &hypotheses, const QString &idOrName);
// "Hardware failure, DDoS attack, …" for messages that name what the case holds.
QString hypothesisNames(const QList<Hypothesis> &hypotheses);

} // namespace inquest::cli
