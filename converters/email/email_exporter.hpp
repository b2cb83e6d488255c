// `email`: the issue as a newsletter, one RFC 5322 message (.eml) holding every
// article, or one message per article. Ready for `sendmail -t`.
#pragma once

#include "format/format.hpp"

namespace mimeo::email {

Exporter exporter();

}  // namespace mimeo::email
