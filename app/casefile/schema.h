#pragma once

#include <QSqlDatabase>
#include <QString>

namespace inquest::schema {

// "INQC": SQLite's application_id marks a database as an Inquest case.
constexpr quint32 ApplicationId = 0x494E5143;
// Version history (keep in sync with migrations in schema.cpp):
//   1  first release: meta, sources, hypotheses, evidence, ratings, statements, markers, custody
//   2  evidence.kind_ratings (detector ratings per hypothesis kind), markers.origin,
//      source_columns (compressed event columns), source_issues
//   3  sources.published_time and sources.url (article metadata the analyst can edit)
//   4  source_templates: the message templates of each system-log source with their event
//      counts, readable by SQL (the events' template ids and arguments are source_columns
//      text_variant/text_args/text_variants/text_templates, which older versions lack: such a
//      case opens with no message text, as it was imported)
//   5  curves (user-defined curves), event_marks (starred, tagged, commented events) and
//      evidence_filters (the filter an evidence item's range was read through)
//   6  remote_sources (ClickHouse tables analysed where they live: server, table, mapping, user;
//      never a password) and remote_results (provenance of each answer: server, version, table,
//      SQL, query id, times, rows read, SHA-256 of the response, approximate)
//   7  statements.organisation_basis (why a statement's organisation is inferred; empty when the
//      article writes it beside the words)
constexpr int CurrentVersion = 7;

// Creates every table of the current schema in an empty database.
bool create(QSqlDatabase &db, QString *error);
// Upgrades a database from `fromVersion` to CurrentVersion, one step at a time.
bool migrate(QSqlDatabase &db, int fromVersion, QString *error);
// The DDL of an old version, for tests that build fixtures of older case files.
QStringList ddlForVersion(int version);

} // namespace inquest::schema
