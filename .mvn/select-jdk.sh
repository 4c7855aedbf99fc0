# Annotation Kit: make JAVA_HOME point at a JDK 21 or newer.
# Sourced (POSIX sh) by ./mvnw, ./annotate and .ci/run. Keeps JAVA_HOME when it already names a
# JDK 21+, otherwise takes the newest JDK 21+ under /usr/lib/jvm (or under $ANNOTATIONKIT_JDK_ROOTS,
# a space-separated list of folders). Leaves JAVA_HOME alone when it finds none, so the build's
# enforcer rule can say what is missing.
annotationkit_jdk_major() {
  # Prints the feature version of the JDK at $1 (from its release file), or nothing.
  [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
}
annotationkit_select_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    _ak_major=$(annotationkit_jdk_major "$JAVA_HOME")
    if [ -n "$_ak_major" ] && [ "$_ak_major" -ge 21 ]; then return 0; fi
  fi
  _ak_best=""
  _ak_best_major=0
  for _ak_root in ${ANNOTATIONKIT_JDK_ROOTS:-/usr/lib/jvm}; do
    for _ak_dir in "$_ak_root"/*; do
      [ -d "$_ak_dir" ] || continue
      _ak_major=$(annotationkit_jdk_major "$_ak_dir")
      [ -n "$_ak_major" ] || continue
      if [ "$_ak_major" -ge 21 ] && [ "$_ak_major" -gt "$_ak_best_major" ]; then
        _ak_best=$_ak_dir
        _ak_best_major=$_ak_major
      fi
    done
  done
  if [ -n "$_ak_best" ]; then
    JAVA_HOME=$_ak_best
    export JAVA_HOME
  fi
}
annotationkit_select_jdk
