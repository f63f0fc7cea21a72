#pragma once

// QCOMPARE cannot print the model's enums: inquest::toString(enum) returns QString and is found
// by argument-dependent lookup ahead of QTest::toString. Compare their names instead, which
// also makes failures readable.
#include "model/kinds.h"
#include "model/marker.h"

#define QCOMPARE_ENUM(actual, expected) QCOMPARE(inquest::toString(actual), inquest::toString(expected))
