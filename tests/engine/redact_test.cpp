// redact(): the one function that removes secrets from everything golive prints.
#include "checks/engine/redact.h"

#include <doctest/doctest.h>

namespace golive {

TEST_CASE("redact: userinfo to the last @ before a host, query and fragment secrets, headers, bearer credentials") {
  CHECK(redact("https://user:p4ss@host.example/path") == "https://***@host.example/path");
  CHECK(redact("https://token@host.example") == "https://***@host.example");
  CHECK(redact("https://host.example/d?id=7&api_key=k1&token=t2#frag") ==
        "https://host.example/d?id=7&api_key=***&token=***#frag");
  CHECK(redact("http://127.0.0.1:9090/api/v1/rules") == "http://127.0.0.1:9090/api/v1/rules");
  CHECK(redact("s3://backups/db/latest.dump") == "s3://backups/db/latest.dump");
  CHECK(redact("file:///var/backups/a.dump") == "file:///var/backups/a.dump");
  // Fail closed: an '@' in a path may end a password with a raw '/'; `%40` keeps it visible.
  CHECK(redact("https://host.example/users/@me") == "https://***@me");
  CHECK(redact("https://host.example/users/%40me") == "https://host.example/users/%40me");
  CHECK(redact("no url") == "no url");
  CHECK(redact("https://svc-backup:Qz7/kP#m2@backup.internal.example.com/db/latest.dump") ==
        "https://***@backup.internal.example.com/db/latest.dump");
  CHECK(redact("https://user:pass@host/x?y=1") == "https://***@host/x?y=1");
  CHECK(redact("s3://AKIA:secret@bucket") == "s3://***@bucket");
  CHECK(redact("https://u:p@ss@host/") == "https://***@host/");
  CHECK(redact("https://u:a?b@host:8443/x") == "https://***@host:8443/x");
  CHECK(redact("https://u%3Ax:p%40w%2F@host/") == "https://***@host/");
  CHECK(redact("a http://u:p@one and ftp://u@two") == "a http://***@one and ftp://***@two");
  CHECK(redact("https://u:pa ss@host/x") == "https://***@host/x");
  CHECK(redact("see https://u:secret/x, fine") == "see https://***/x, fine");
  CHECK(redact("https://u:pa\"ss@host/x") == "https://***@host/x");  // a quote ends the URL
  CHECK(redact("<https://u:p@h/x?token=a>") == "<https://***@h/x?token=***>");
  CHECK(redact("https://[::1]:8080/x") == "https://[::1]:8080/x");
  CHECK(redact("mailto:a@b.example") == "mailto:a@b.example");
  CHECK(redact("https://h/x?token=abc&page=2#access_token=def") == "https://h/x?token=***&page=2#access_token=***");
  CHECK(redact("https://h/x?X-Amz-Credential=a%2Fb&X-Amz-Signature=c&sig=d&api_key=e") ==
        "https://h/x?X-Amz-Credential=***&X-Amz-Signature=***&sig=***&api_key=***");
  CHECK(redact("https://h/x?X%2DAmz%2DSignature=c") == "https://h/x?X%2DAmz%2DSignature=***");
  CHECK(redact("(https://h/x?token=abc)") == "(https://h/x?token=***)");
  CHECK(redact("Authorization: Bearer abc.def\nnext") == "Authorization: ***\nnext");
  CHECK(redact("sent X-Api-Key: k123 and Cookie: s=1") == "sent X-Api-Key: ***");
  CHECK(redact("with Bearer eyJhbGciOiJIUzI1NiJ9.x") == "with Bearer ***");
  CHECK(redact("basic Dg9vZ2xlOmZvbw==") == "basic ***");
  CHECK(redact("Basic authentication is off; bearer token ${env:T} is not set") ==
        "Basic *** is off; bearer token ${env:T} is not set");  // fail closed
  CHECK(redact("Author: Li") == "Author: Li");
  for (const char* header : {"X-Auth-Token", "Private-Token", "X-Vault-Token", "x-amz-security-token", "X-API-Key",
                             "api_key", "apiKey", "client_secret", "accessToken", "X-Auth", "Password", "db_passwd",
                             "X-Client-Credentials"})
    CHECK(redact(std::string("sent ") + header + ": s3cr3t") == std::string("sent ") + header + ": ***");
  // An id that merely begins with a secret word starts golive's own sentence, not a header.
  CHECK(redact("Correct backups[].last_success of token-vault-hourly: take it from the job's log") ==
        "Correct backups[].last_success of token-vault-hourly: take it from the job's log");
  CHECK(redact("auth-service: no health check") == "auth-service: no health check");
  CHECK(redact("monitoring.prometheus.bearer_token: 'x' is not ${env:NAME}") ==
        "monitoring.prometheus.bearer_token: 'x' is not ${env:NAME}");
  CHECK(redact("${env:PROM_TOKEN}") == "${env:PROM_TOKEN}");
  for (const char* t : {"https://svc:Qz7/kP#m2@b.example/db", "https://h/x?token=a#sig=b", "Authorization: Basic x",
                        "https://u:pa ss@host/x", "https://h/p@v2"})
    CHECK(redact(redact(t)) == redact(t));
}

}  // namespace golive
