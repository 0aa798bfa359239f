# Sourced by the run and test scripts: points JAVA_HOME at a JDK >= 21.
# Keeps a JAVA_HOME that is already new enough; otherwise takes the newest JDK under /usr/lib/jvm.
java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
    JAVA_HOME=""
    for candidate in /usr/lib/jvm/*; do
        if [ -x "$candidate/bin/javac" ]; then
            major=$(java_major "$candidate")
            if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -ge "${best_major:-0}" ]; then
                JAVA_HOME="$candidate"
                best_major="$major"
            fi
        fi
    done
    if [ -z "$JAVA_HOME" ]; then
        echo "EPE Watch needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless)." >&2
        exit 1
    fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
