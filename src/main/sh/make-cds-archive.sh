#!/usr/bin/env bash
# Makes target/bin/procsec and its class-data archive (run by `mvn package`, exec-maven-plugin,
# after the assembly plugin has made target/procsec-cli.jar).
#
# usage: make-cds-archive.sh TARGET_DIR PROJECT_DIR
#
# Training: the launcher's own commands on the bundled inputs (assess of the examples, JSON and
# text, and test of the project's scenarios) each write the classes they load; the union is
# dumped into a static AppCDS archive (-Xshare:dump), so that both commands find their classes.
# A failure here never fails the build: the launcher then says the archive is missing and runs
# plain java -jar.
set -u
target="$(cd -P "$1" && pwd)"
project="$(cd -P "$2" && pwd)"
bin="$target/bin"
jar="$target/procsec-cli.jar"
log="$bin/procsec.jsa.log"
mkdir -p "$bin" || exit 1
cp "$project/src/main/sh/procsec" "$bin/procsec" && chmod +x "$bin/procsec" || exit 1
rm -f "$bin/procsec.jsa" "$bin/procsec.jsa.stamp" "$bin"/*.classlist
: > "$log"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
else
    java="$(command -v java)"
fi

fail() {
    echo "[WARNING] procsec: no class-data archive ($1; see $log): target/bin/procsec will start without it" >&2
    exit 0
}

train() {
    local name="$1"; shift
    ( cd "$project" && "$java" -XX:DumpLoadedClassList="$bin/$name.classlist" -jar "$jar" "$@" ) >/dev/null 2>>"$log"
    [ -s "$bin/$name.classlist" ] || fail "training run '$*' wrote no class list"
}
train assess assess --as-of 2026-11-22 examples/*.json
train text assess --format text examples/esdc-office-chairs.json
train test test src/test/resources/scenarios
cat "$bin/assess.classlist" "$bin/text.classlist" "$bin/test.classlist" | awk '!seen[$0]++' > "$bin/procsec.classlist" \
    || fail "cannot merge the class lists"
"$java" -Xshare:dump -XX:SharedClassListFile="$bin/procsec.classlist" -XX:SharedArchiveFile="$bin/procsec.jsa" \
    -cp "$jar" >>"$log" 2>&1 || fail "java -Xshare:dump failed"
[ -s "$bin/procsec.jsa" ] || fail "java -Xshare:dump wrote no archive"
real_java="$(readlink -f "$java" 2>/dev/null || printf '%s' "$java")"
version="$(stat -c '%Y %s' "$jar" 2>/dev/null || stat -f '%m %z' "$jar" 2>/dev/null)"
printf '%s\n%s\n%s\n%s\n' "$jar" "$real_java" "$version" "$java" > "$bin/procsec.jsa.stamp" || fail "cannot write the stamp"
rm -f "$bin/assess.classlist" "$bin/text.classlist" "$bin/test.classlist"
