// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// libFuzzer harnesses for runsite's parsers, kept out of the main package so that its normal build
/// never compiles them. Build and run them with `scripts/fuzz.sh` (docs/security.md).
///
/// A path dependency is known by its folder's name, so the root package is named after the folder
/// this checkout lives in.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "runsite-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "runsite-fuzz", dependencies: [
            "CFuzzDriver",
            .product(name: "RunsiteParsers", package: root.lastPathComponent.lowercased()),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
