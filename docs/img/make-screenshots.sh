#!/usr/bin/env bash
# Remakes the screenshots in this folder: the real console window under Xvfb, six scripted
# guests and one phone page in headless Chromium, all on loopback (the join link shows a
# made-up LAN address that nothing is sent to). Needs xvfb, imagemagick, chromium and
# chromium-driver.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -pl console -am -DskipTests -Dpeal.target=target-shots test-compile \
  dependency:build-classpath -Dmdep.outputFile="$root/target-shots.cp" -Dmdep.includeScope=test
cp="console/target-shots/test-classes:console/target-shots/classes:$(cat target-shots.cp)"
rm -f target-shots.cp
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
DISPLAY=:97 timeout 300 java -Dprism.order=sw -cp "$cp" app.peal.e2e.DemoEvening docs/img
