#!/usr/bin/env bash
# Load test of the web app with wrk: publishes it in Release, starts it on 127.0.0.1 with SQLite and the full demo
# data, signs in, then warms up and measures each URL with 16 connections and 2 threads. Prints a Markdown table with
# p50/p95/p99 latency, requests/s, and each URL's throughput as a ratio of /health in the same run.
#
# Usage: bench/wrk/run.sh            (from anywhere; needs dotnet, wrk, curl)
# Environment: BENCH_PORT (default 5087), BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
#              BENCH_PATHS (space-separated paths; the default list is below). Not URLS or PORT: ASP.NET Core reads those.
#              BENCH_ENVIRONMENT (default Development: only there does Demo:Seed create the demo accounts).
#              Most pages and the API need a signed-in user: the script signs in through /Account/Login as
#              BENCH_USER (default the demo policy officer, a department role without the administrators' second
#              factor) with BENCH_PASSWORD, and sends the session cookie with every request. Or set
#              BENCH_AUTH_HEADER to a header to send instead, e.g. "Authorization: Bearer rk_...".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${BENCH_PORT:-5087}"
DURATION="${BENCH_DURATION:-15s}"
WARMUP="${BENCH_WARMUP:-5s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
BENCH_PATHS="${BENCH_PATHS:-/health / /Partnerships /Allocation /Municipalities /api/v1/allocation}"
ENVIRONMENT="${BENCH_ENVIRONMENT:-Development}"
USER_EMAIL="${BENCH_USER:-beleid@regiekamer.demo}"
USER_PASSWORD="${BENCH_PASSWORD:-Regiekamer-demo-2026}"
BASE="http://127.0.0.1:${PORT}"
AUTH=()

for tool in dotnet wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench/wrk: '$tool' is missing (apt-get install -y wrk curl; dotnet from global.json)." >&2; exit 1; }
done
if curl -s -o /dev/null "${BASE}/health"; then
  echo "bench/wrk: something already answers on ${BASE}; set BENCH_PORT to a free port." >&2
  exit 1
fi

WORK="$(mktemp -d /tmp/regiekamer-wrk.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Publishing src/Regiekamer.Web (Release)..." >&2
dotnet publish "$ROOT/src/Regiekamer.Web/Regiekamer.Web.csproj" -c Release --artifacts-path "$WORK/artifacts" -o "$WORK/app" --nologo -v quiet >&2

echo "Starting the app on ${BASE} (${ENVIRONMENT}, SQLite, demo data)..." >&2
(
  cd "$WORK/app"
  export ASPNETCORE_ENVIRONMENT="$ENVIRONMENT"
  export ASPNETCORE_URLS="$BASE"
  export Database__Provider=Sqlite
  export ConnectionStrings__Regiekamer="Data Source=$WORK/bench.db"
  export Database__MigrateOnStartup=true
  export Demo__Seed=true
  export Logging__LogLevel__Default=Warning
  export Security__LoginAttemptsPerMinute=1000 # the script signs in once per URL
  exec dotnet Regiekamer.Web.dll
) >"$WORK/app.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "${BASE}/health"; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "bench/wrk: the app stopped:" >&2; cat "$WORK/app.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fs -o /dev/null "${BASE}/health" || { echo "bench/wrk: the app did not answer /health within 60 s." >&2; cat "$WORK/app.log" >&2; exit 1; }

# Signs in afresh: the app re-validates a session cookie older than a minute against the database (and re-issues
# it), which a browser picks up but wrk does not; a fresh cookie per URL keeps every run inside that minute.
WHO="as ${USER_EMAIL}"
sign_in() {
  if [[ -n "${BENCH_AUTH_HEADER:-}" ]]; then
    AUTH=(-H "$BENCH_AUTH_HEADER")
    WHO="with BENCH_AUTH_HEADER"
    return
  fi
  local jar="$WORK/cookies.txt" token status cookies
  rm -f "$jar"
  token="$(curl -fs -c "$jar" "${BASE}/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)"
  [[ -n "$token" ]] || { echo "bench/wrk: no antiforgery token on /Account/Login." >&2; exit 1; }
  status="$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "Input.Email=${USER_EMAIL}" --data-urlencode "Input.Password=${USER_PASSWORD}" \
    --data-urlencode "__RequestVerificationToken=${token}" "${BASE}/Account/Login")"
  [[ "$status" == 302 ]] || { echo "bench/wrk: signing in as ${USER_EMAIL} answered ${status}, not a redirect (wrong password, or no demo accounts outside Development?)." >&2; exit 1; }
  cookies="$(awk -F'\t' 'NF == 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")"
  AUTH=(-H "Cookie: ${cookies}")
}

echo "Signing in as ${USER_EMAIL}..." >&2
sign_in

for url in $BENCH_PATHS; do
  status="$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "${BASE}${url}")"
  if [[ "$status" == 401 || "$status" == 302 || "$status" == 403 ]]; then
    echo "bench/wrk: ${url} answered ${status} although signed in: the user lacks the role, or the sign-in did not hold." >&2
    exit 1
  fi
  [[ "$status" == 200 ]] || { echo "bench/wrk: ${url} answered ${status}, not 200." >&2; exit 1; }
done

declare -A RPS P50 P95 P99 MAX ERR
for url in $BENCH_PATHS; do
  sign_in
  echo "Warming up ${url} (${WARMUP}), then measuring it (${DURATION}, ${CONNECTIONS} connections, ${THREADS} threads)..." >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${AUTH[@]}" "${BASE}${url}" >/dev/null
  line="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/wrk/report.lua" "${AUTH[@]}" "${BASE}${url}" | grep '^RESULT ')"
  for field in $line; do
    case "$field" in
      rps=*) RPS[$url]="${field#rps=}" ;;
      p50=*) P50[$url]="${field#p50=}" ;;
      p95=*) P95[$url]="${field#p95=}" ;;
      p99=*) P99[$url]="${field#p99=}" ;;
      max=*) MAX[$url]="${field#max=}" ;;
      errors=*) ERR[$url]="${field#errors=}" ;;
      non2xx=*) ERR[$url]="$(( ${ERR[$url]} + ${field#non2xx=} ))" ;;
    esac
  done
done

health="${RPS[/health]:-}"
echo
echo "wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} against ${BASE} (${ENVIRONMENT}, signed in ${WHO}) on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| URL | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | throughput vs /health |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for url in $BENCH_PATHS; do
  ratio="–"
  if [[ -n "$health" ]]; then ratio="$(awk -v a="${RPS[$url]}" -v b="$health" 'BEGIN { printf "%.3f", a / b }')"; fi
  echo "| \`${url}\` | ${RPS[$url]} | ${P50[$url]} | ${P95[$url]} | ${P99[$url]} | ${MAX[$url]} | ${ERR[$url]} | ${ratio} |"
done

over="$(for url in $BENCH_PATHS; do awk -v p="${P95[$url]}" -v u="$url" 'BEGIN { if (p >= 50) print u }'; done)"
echo
if [[ -n "$over" ]]; then
  echo "Target p95 < 50 ms missed by: $(echo $over)"
else
  echo "Target p95 < 50 ms at ${CONNECTIONS} connections: met for every URL."
fi
