#pragma once

#include "reportdocument.h"

namespace inquest {

class FigureRenderer;

// The report as one self-contained HTML page: inline CSS, figures as PNG data URIs (drawn by
// the FigureRenderer; a note when there is none), every case string escaped, and a content
// security policy that forbids scripts and remote loads.
QString reportHtml(const ReportDocument &doc, FigureRenderer *figures);

} // namespace inquest
