import Foundation

/// `printf`-style text for numbers, through the C library's `vsnprintf` into a stack buffer.
///
/// `String(format:)` goes through CoreFoundation's formatter and allocates on every call; a project
/// page formats a number for each cell of its runs table, thousands per page. The process never
/// calls `setlocale`, so the C library formats in the "C" locale (a `.` decimal point), as
/// `String(format:)` does; tests compare the two.
public enum CFormat {
    /// The text of `format` with numeric `arguments` (no `%@` or `%s`).
    public static func string(_ format: String, _ arguments: CVarArg...) -> String {
        withVaList(arguments) { list in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
                let count = Int(vsnprintf(buffer.baseAddress, 128, format, list))
                guard count >= 0 else { return "" }
                if count < 128 {
                    return buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: count) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
                    }
                }
                return String(format: format, arguments: arguments)   // longer than any number: rare
            }
        }
    }
}
