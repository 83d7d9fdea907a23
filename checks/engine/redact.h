#pragma once
/// The one place secrets are removed from text bound for a user: every report format, every
/// error message, every log line and the plan an exec plugin reads go through redact().

#include <string>
#include <string_view>

namespace golive {

/// Returns `text` with every secret it can recognise replaced by `***`:
///
/// - the userinfo of every URL (`scheme://user:password@host/…` → `scheme://***@host/…`).
///   Fail closed: the userinfo runs to the LAST `@` of the URL that is followed by a host
///   name, even when `/`, `?` or `#` come before it, so a password written with a raw `/`,
///   `?`, `#`, `@` or `:` is hidden whole (`https://u:Qz7/kP#m2@db.example/x` →
///   `https://***@db.example/x`). An `@` later in a path or query is taken for the end of
///   userinfo too (`https://host/pkg@v2` → `https://***@v2`): write it as `%40` to keep it
///   visible. A URL ends at whitespace, a control character or one of ``"'<>`|``.
/// - the value of every query or fragment parameter whose name, percent-decoded and
///   lower-cased, contains `token`, `key`, `sig`, `secret`, `password`, `passwd`, `pwd`,
///   `credential`, `auth`, `session`, `jwt` or `x-amz-` (`?X-Amz-Signature=…`,
///   `&access_token=…`, `#api_key=…`);
/// - the value of an `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie` header,
///   or of any header whose last word (after the last `-` or `_`) ends in `token`, `secret`,
///   `apikey`, `password`, `passwd`, `auth` or `credential(s)`, or is `key` after `api`
///   (`X-Auth-Token`, `X-API-Key`, `client_secret`, `accessToken`; `Name: value`, up to the
///   end of the line). A name whose secret word is not its last (`token-vault-hourly: …`,
///   `auth-service: …`, ids that begin a finding) is not a header;
/// - the credential after `Bearer` or `Basic` (a run of at least 8 token characters), e.g. in
///   a message that quotes a request.
///
/// `${env:NAME}` references are kept as written: golive never prints what they resolve to.
/// Idempotent: redact(redact(t)) == redact(t).
std::string redact(std::string_view text);

}  // namespace golive
