// swift-tools-version: 6.0
import PackageDescription

/// The executables allocate with jemalloc on Linux (Debian's `libjemalloc-dev`): glibc's malloc
/// keeps what many threads free in many arenas, so a build's memory would grow with the number of
/// runs logged rather than with what one page draws (docs/performance.md, "Memory and the
/// allocator"). Linked, not imported: jemalloc replaces `malloc` and `free` for the whole process,
/// Swift's runtime included.
let jemalloc: [LinkerSetting] = [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "runsite",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "runsite", targets: ["runsite"]),
        .executable(name: "runsite-bench", targets: ["runsite-bench"]),
        // For the fuzzing package in Fuzz/: the parsers' public entry points (docs/security.md).
        .library(name: "RunsiteParsers", targets: ["RunsiteReaders", "RunsiteTemplates", "RunsiteSite", "RunsiteBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `runsite serve`: a small HTTP server on sockets, with no dependencies of its own.
    ],
    targets: [
        // The C boundary for CommonMark: only RunsiteTemplates imports it.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // SQLite for MLflow 3's default `mlflow.db` store: only RunsiteReaders imports it.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // zlib, for each run's gzip-compressed series file: only RunsiteBuild's Gzip.swift imports it.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "RunsiteCore"),
        // glibc's mallopt (not in Swift's Glibc module), for AllocatorTuning.
        .target(name: "CRunsiteMalloc"),
        // The allocator settings the executables apply at start; libraries never touch the allocator.
        .target(name: "RunsiteAllocator", dependencies: ["CRunsiteMalloc"]),
        // CRC-32C in hardware (SSE4.2) for TensorBoard's record framing; the Swift table is the fallback.
        .target(name: "CRunsiteCRC"),
        .target(name: "RunsiteModel", dependencies: ["RunsiteCore"]),
        .target(name: "RunsiteReaders", dependencies: [
            "RunsiteModel", "RunsiteCore", "CSQLite", "CRunsiteCRC",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "RunsiteMarkup", dependencies: ["RunsiteCore"]),
        .target(name: "RunsiteCharts", dependencies: ["RunsiteMarkup", "RunsiteCore"]),
        .target(name: "RunsiteTemplates", dependencies: ["CCmark", "RunsiteMarkup", "RunsiteCore"]),
        .target(name: "RunsiteSite", dependencies: [
            "RunsiteModel", "RunsiteCharts", "RunsiteTemplates", "RunsiteMarkup", "RunsiteCore",
            .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "RunsiteBuild", dependencies: [
            "RunsiteReaders", "RunsiteSite", "RunsiteModel", "RunsiteCore", "CZlib", .product(name: "Crypto", package: "swift-crypto")
        ]),
        .executableTarget(name: "runsite", dependencies: [
            "RunsiteBuild", "RunsiteAllocator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: jemalloc),
        // The benchmark: writes synthetic corpora and times each phase (docs/performance.md).
        .executableTarget(name: "runsite-bench", dependencies: [
            "RunsiteBuild", "RunsiteReaders", "RunsiteModel", "RunsiteAllocator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: jemalloc),
        .target(name: "RunsiteTestSupport", dependencies: ["RunsiteCore"], path: "Sources/RunsiteTestSupport"),
        .testTarget(name: "RunsiteReadersTests", dependencies: ["RunsiteReaders", "RunsiteTestSupport", .product(name: "Crypto", package: "swift-crypto")], exclude: ["Golden"]),
        .testTarget(name: "RunsiteMarkupTests", dependencies: ["RunsiteMarkup", "RunsiteTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RunsiteChartsTests", dependencies: ["RunsiteCharts", "RunsiteTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RunsiteTemplatesTests", dependencies: ["RunsiteTemplates", "RunsiteTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RunsiteSiteTests", dependencies: ["RunsiteSite", "RunsiteTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RunsiteBuildTests", dependencies: ["RunsiteBuild", "RunsiteTestSupport", .product(name: "Crypto", package: "swift-crypto")], exclude: ["Golden"]),
    ],
    // Swift 6 language mode: what crosses threads (ParallelMap's work, the pages rendered on all
    // cores) is checked Sendable.
    swiftLanguageModes: [.v6]
)
