#!/usr/bin/env bash
# Load test of the web app with wrk: publishes it in Release, starts it on 127.0.0.1 with SQLite and the full demo
# data, signs in (pages: the sign-in cookie; the API: a real API token made on /Account/Manage/Tokens), then for
# each URL: warms it up, measures an anonymous /health, and right after it the URL, each with 16 connections and 2
# threads. Prints a Markdown table with p50/p95/p99 latency, requests/s, and each URL's throughput as a ratio of the
# /health measured just before it, and checks issue 7's targets (p95 < 50 ms, throughput >= 20 % of /health).
#
# Usage: bench/wrk/run.sh            (from anywhere; needs dotnet, wrk, curl)
# Environment: BENCH_PORT (default 5087), BENCH_DURATION (10s), BENCH_WARMUP (3s), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
#              BENCH_PAGES / BENCH_API (space-separated paths; defaults below; {partnership} is the demo partnership
#              Scheldeland's id; {dossier} its application dossier, given 200 actions by bench seed-dossiers, which also
#              makes 40 dossiers for the review queue /Applications), BENCH_PARTNERSHIP_PAGE (default /Partnerships/{partnership}).
#              BENCH_CATALOGUE (default: the public catalogue searched by municipality and text, and by CPV code):
#              measured after bench seed-catalogue has added 5,000 actors and 20,000 services (issue 10); "" skips it.
#              BENCH_LEDGER (default "/Grants/Ledger /api/v1/ledger"): measured last, after bench seed-ledger has given
#              the latest call a ledger of 40 beneficiaries x 3 years x 4 payments per line (issue 9; what it holds:
#              bench/Regiekamer.Bench/LedgerData.cs and docs/performance.md). Seeding it approves 40 dossiers, which
#              changes the allocation and the review queue, so it comes after every other URL; empty: no ledger, as before.
#              BENCH_STARTUP_SECONDS (default 60): how long the app may take to migrate, seed and answer /health (a loaded machine needs more).
#              BENCH_FRESH=1: every request a query parameter of its own, so none is served from the page cache
#              (the cost of rendering each page from the data; the targets are for BENCH_FRESH=0, the default).
#              Not URLS or PORT: ASP.NET Core reads those. BENCH_ENVIRONMENT (default Development: only there does
#              Demo:Seed create the demo accounts). The script signs in as BENCH_USER (default the demo policy
#              officer, a department role without the administrators' second factor) with BENCH_PASSWORD.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${BENCH_PORT:-5087}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-3s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
DEFAULT_PARTNERSHIP_PAGE="/Partnerships/{partnership}"
PARTNERSHIP_PAGE="${BENCH_PARTNERSHIP_PAGE:-$DEFAULT_PARTNERSHIP_PAGE}"
DOSSIER_PLAN_PAGE="/Applications/{dossier}/Plan"
PAGES="${BENCH_PAGES:-/ /Coverage /Partnerships ${PARTNERSHIP_PAGE} /Allocation /Municipalities /Applications ${DOSSIER_PLAN_PAGE}}"
API="${BENCH_API:-/api/v1/allocation /api/v1/partnerships /api/v1/eligibility /api/v1/coverage}"
LEDGER="${BENCH_LEDGER-/Grants/Ledger /api/v1/ledger}"
CATALOGUE="${BENCH_CATALOGUE-/Catalogue?municipality=11002&q=groen /api/v1/catalogue?municipality=11002&q=groen /api/v1/catalogue?cpv=79000000}"
ENVIRONMENT="${BENCH_ENVIRONMENT:-Development}"
USER_EMAIL="${BENCH_USER:-beleid@regiekamer.demo}"
USER_PASSWORD="${BENCH_PASSWORD:-Regiekamer-demo-2026}"
BASE="http://127.0.0.1:${PORT}"

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
  export Catalogue__RequestsPerMinute=100000000 # the public catalogue's rate limit would otherwise answer wrk with 429s
  export Demo__GrantCycle=false # the demo's grant cycle approves dossiers that seed-dossiers imports plans into; seed-ledger makes the ledger
  export Logging__LogLevel__Default=Warning
  export Security__LoginAttemptsPerMinute=1000 # the script signs in once per URL
  exec dotnet Regiekamer.Web.dll
) >"$WORK/app.log" 2>&1 &
SERVER_PID=$!

STARTUP_SECONDS="${BENCH_STARTUP_SECONDS:-60}"
for _ in $(seq 1 $((STARTUP_SECONDS * 2))); do
  if curl -fs -o /dev/null "${BASE}/health"; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "bench/wrk: the app stopped:" >&2; cat "$WORK/app.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fs -o /dev/null "${BASE}/health" || { echo "bench/wrk: the app did not answer /health within ${STARTUP_SECONDS} s (BENCH_STARTUP_SECONDS)." >&2; cat "$WORK/app.log" >&2; exit 1; }

JAR="$WORK/cookies.txt"
COOKIE=()
# Signs in afresh: the app re-validates a session cookie older than a minute against the database (and re-issues
# it), which a browser picks up but wrk does not; a fresh cookie per URL keeps every run inside that minute.
sign_in() {
  local token status cookies
  rm -f "$JAR"
  token="$(curl -fs -c "$JAR" "${BASE}/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | sed -n 1p)"
  [[ -n "$token" ]] || { echo "bench/wrk: no antiforgery token on /Account/Login." >&2; exit 1; }
  status="$(curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' \
    --data-urlencode "Input.Email=${USER_EMAIL}" --data-urlencode "Input.Password=${USER_PASSWORD}" \
    --data-urlencode "__RequestVerificationToken=${token}" "${BASE}/Account/Login")"
  [[ "$status" == 302 ]] || { echo "bench/wrk: signing in as ${USER_EMAIL} answered ${status}, not a redirect (wrong password, or no demo accounts outside Development?)." >&2; exit 1; }
  cookies="$(awk -F'\t' 'NF == 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")"
  COOKIE=(-H "Cookie: ${cookies}")
}

echo "Signing in as ${USER_EMAIL} and making an API token..." >&2
sign_in
form="$(curl -fs -b "$JAR" -c "$JAR" "${BASE}/Account/Manage/Tokens")"
antiforgery="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | sed -n 1p)"
SECRET="$(curl -fs -b "$JAR" -c "$JAR" --data-urlencode "Name=bench-wrk" --data-urlencode "__RequestVerificationToken=${antiforgery}" \
  "${BASE}/Account/Manage/Tokens?handler=Create" | sed -n 's/.*<code id="token-secret">\(rk_[A-Za-z0-9_-]*\)<\/code>.*/\1/p' | sed -n 1p)"
[[ -n "$SECRET" ]] || { echo "bench/wrk: could not make an API token on /Account/Manage/Tokens." >&2; exit 1; }
BEARER=(-H "Authorization: Bearer ${SECRET}")
PARTNERSHIP="$(curl -fs "${BEARER[@]}" "${BASE}/api/v1/partnerships" | python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if "Scheldeland" in p["name"]))')"

# Issue 8's targets: the review queue with 40 dossiers, and the plan page of a dossier with 200 actions (Scheldeland's).
echo "Adding the benchmark's dossiers (bench/Regiekamer.Bench seed-dossiers)..." >&2
dotnet run -c Release --project "$ROOT/bench/Regiekamer.Bench" --artifacts-path "$WORK/bench-artifacts" -- seed-dossiers "Data Source=$WORK/bench.db" >&2
DOSSIER="$(curl -fs "${BEARER[@]}" "${BASE}/api/v1/applications" | python3 -c 'import json,sys; print(next(a["id"] for a in json.load(sys.stdin) if "Scheldeland" in a["partnershipName"]))')"

expand() { local u="${1//\{partnership\}/$PARTNERSHIP}"; echo "${u//\{dossier\}/$DOSSIER}"; }
check() {
  local url="$1"; shift
  local status
  status="$(curl -gs -o /dev/null -w '%{http_code}' "$@" "${BASE}${url}")"
  [[ "$status" == 200 ]] || { echo "bench/wrk: ${url} answered ${status}, not 200 (signed in as ${USER_EMAIL})." >&2; exit 1; }
}

declare -A RPS P50 P95 P99 ERR HEALTH
measure() { # key url [curl/wrk header args]
  local key="$1" url="$2"; shift 2
  local line field
  line="$(WRK_FRESH="$([[ "$url" == /health ]] && echo 0 || echo "${BENCH_FRESH:-0}")" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/wrk/report.lua" "$@" "${BASE}${url}" | grep '^RESULT ')"
  for field in $line; do
    case "$field" in
      rps=*) RPS[$key]="${field#rps=}" ;;
      p50=*) P50[$key]="${field#p50=}" ;;
      p95=*) P95[$key]="${field#p95=}" ;;
      p99=*) P99[$key]="${field#p99=}" ;;
      errors=*) ERR[$key]="${field#errors=}" ;;
      non2xx=*) ERR[$key]="$(( ${ERR[$key]} + ${field#non2xx=} ))" ;;
    esac
  done
}

ORDER=()
run_one() { # kind url
  local kind="$1" url headers=()
  url="$(expand "$2")"
  if [[ "$kind" == page ]]; then sign_in; headers=("${COOKIE[@]}"); elif [[ "$kind" == api ]]; then headers=("${BEARER[@]}"); fi
  check "$url" "${headers[@]}"
  echo "Warming up ${url} (${WARMUP}); measuring /health, then ${url} (${DURATION} each, ${CONNECTIONS} connections, ${THREADS} threads)..." >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "${BASE}${url}" >/dev/null
  measure "health:$url" /health
  measure "$url" "$url" "${headers[@]}"
  HEALTH[$url]="${RPS[health:$url]}"
  ORDER+=("$kind $url")
}

for url in $PAGES; do run_one page "$url"; done
for url in $API; do run_one api "$url"; done

# Issue 10's target: the public catalogue over 5,000 actors and 20,000 services (anonymous, so no sign-in headers).
if [[ -n "$CATALOGUE" ]]; then
  echo "Adding the benchmark's catalogue (bench/Regiekamer.Bench seed-catalogue)..." >&2
  dotnet run -c Release --project "$ROOT/bench/Regiekamer.Bench" --artifacts-path "$WORK/bench-artifacts" -- seed-catalogue "Data Source=$WORK/bench.db" >&2
  # The app sees the seeded catalogue within DataVersion.Freshness (1 s) and builds its search index on the next search
  # (about a second for 20,000 services; catalogue-search prints the figure): let that happen before measuring searches.
  sleep 2
  curl -fsS -o /dev/null "${BASE}/api/v1/catalogue?page=1"
  for url in $CATALOGUE; do run_one public "$url"; done
fi

# Issue 9's target: the ledger of a call with 40 beneficiaries x 3 years x 4 payments, seeded after the URLs above
# were measured (it approves 40 dossiers and publishes an allocation over them, which their pages would show).
if [[ -n "$LEDGER" ]]; then
  echo "Adding the benchmark's ledger (bench/Regiekamer.Bench seed-ledger)..." >&2
  dotnet run -c Release --project "$ROOT/bench/Regiekamer.Bench" --artifacts-path "$WORK/bench-artifacts" -- seed-ledger "Data Source=$WORK/bench.db" >&2
  for url in $LEDGER; do
    if [[ "$url" == /api/* ]]; then run_one api "$url"; else run_one page "$url"; fi
  done
fi

echo
echo "wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION} against ${BASE} (${ENVIRONMENT}, pages signed in as ${USER_EMAIL}, API with that user's token) on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$ROOT" rev-parse --short HEAD)"
echo
echo "| URL | requests/s | p50 ms | p95 ms | p99 ms | errors | /health just before (req/s) | throughput vs /health |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
missed=()
for entry in "${ORDER[@]}"; do
  url="${entry#* }"
  ratio="$(awk -v a="${RPS[$url]}" -v b="${HEALTH[$url]}" 'BEGIN { printf "%.3f", a / b }')"
  echo "| \`${url}\` | ${RPS[$url]} | ${P50[$url]} | ${P95[$url]} | ${P99[$url]} | ${ERR[$url]} | ${HEALTH[$url]} | ${ratio} |"
  awk -v p="${P95[$url]}" -v r="$ratio" 'BEGIN { exit !(p >= 50 || r < 0.2) }' && missed+=("$url")
done
echo
if ((${#missed[@]} > 0)); then
  echo "Targets (p95 < 50 ms, throughput >= 0.20 of /health) missed by: ${missed[*]}"
else
  echo "Targets (p95 < 50 ms, throughput >= 0.20 of /health): met for every URL."
fi
