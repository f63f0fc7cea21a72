#pragma once

#include <cstdint>
#include <string_view>

namespace inquest {

// The severity (0..7) a system-log line implies when it carries no PRI, or NoSeverity. The
// caller stores it with SeverityInferredBit (model/eventtable.h). In order of trust:
// 1. a vendor mnemonic %FACILITY-SEVERITY-MNEMONIC in the tag or text (Cisco IOS/NX-OS, Arista
//    EOS, Junos %PFE-3-…);
// 2. a kernel log level "<N>" opening the text (printk's KERN_ERR is "<3>");
// 3. a Junos event tag in upper snake case opening the text ("SNMP_TRAP_LINK_DOWN:"): _DOWN,
//    _FAIL…, _ERR… give err, _UP notice;
// 4. the most severe level word of the text (emerg/panic, alert, crit/critical/fatal,
//    err/error/failed/failure, warn/warning, notice/note, info, debug), whole words, case-blind,
//    not after "no"/"0"/"without", and not Nagios' "SERVICE ALERT:" (an event kind, not a level).
uint8_t inferSeverity(std::string_view tag, std::string_view text);

} // namespace inquest
