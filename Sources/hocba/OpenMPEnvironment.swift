import Foundation

/// Tesseract's OpenMP threads fight each other and the page workers (measured 1.77 s → 0.48 s per page with one
/// thread), and libgomp reads `OMP_THREAD_LIMIT` only when the process starts. So the executable re-executes
/// itself once with `OMP_THREAD_LIMIT=1` when the variable is not set; parallelism comes from `--jobs`.
enum OpenMPEnvironment {
  static func reexecIfNeeded() {
    guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
    setenv("OMP_THREAD_LIMIT", "1", 1)
    // On success execv does not return; on failure the run simply continues with the default OpenMP setting.
    execv("/proc/self/exe", CommandLine.unsafeArgv)
  }
}
