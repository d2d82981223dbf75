import CFuzzDriver
import Foundation

// libFuzzer runs the program: it reads the corpus folders and flags in the arguments, then feeds
// inputs to the target that FuzzTargets.swift selects.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzerTestOneInput(data, size) })
