import Crypto
import Foundation
import RunsiteMarkup

/// One page of the site written to work alone (`--single-file`): the stylesheet and script inlined
/// where the layout names `{{{assets}}}`, images embedded as `data:` URIs, every link to another
/// file dropped (its text kept, `#anchors` kept). For supplementary material and e-mail.
/// RunsiteSite reads no disk: the build supplies the written site's files through `files`.
public struct SingleFile: Sendable {
    /// The bytes of a file of the written site, by its path from the site root; nil when there is none.
    public let files: @Sendable (String) -> [UInt8]?

    public init(files: @escaping @Sendable (String) -> [UInt8]?) {
        self.files = files
    }

    /// The policy of the page at `pagePath`: links only to its own anchors, images from its own bytes.
    func policy(for pagePath: String) -> OutputPolicy {
        let files = self.files
        return OutputPolicy(
            link: { $0.hasPrefix("#") ? $0 : nil },
            image: { src in
                if src.hasPrefix("data:") { return src }
                guard let path = Self.sitePath(src, from: pagePath), let bytes = files(path) else { return nil }
                return "data:" + Self.mediaType(path) + ";base64," + Data(bytes).base64EncodedString()
            },
            linkGroups: LinkGroup.all)
    }

    /// The site's stylesheet and script as `<style>` and `<script>` elements, with the page's
    /// Content-Security-Policy, which allows exactly them by hash, `data:` images, and nothing fetched.
    static func inlined(css: [UInt8]?, script: [UInt8]?) -> (assets: String, contentSecurityPolicy: String) {
        var styles: [String] = [], scripts: [String] = [], elements: [String] = []
        func element(_ name: String, _ bytes: [UInt8]?, hashes: inout [String]) {
            guard let bytes else { return }
            // A literal "</style" or "</script" inside would end the element early.
            let text = "\n" + String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "</" + name, with: "<\\/" + name) + "\n"
            hashes.append("'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'")
            elements.append(Serializer.html(.el(name, [], [.raw(text)])))
        }
        element("style", css, hashes: &styles)
        element("script", script, hashes: &scripts)
        return (elements.joined(separator: "\n"), policy(scripts: scripts, styles: styles))
    }

    static func policy(scripts: [String], styles: [String]) -> String {
        let scripts = scripts.isEmpty ? "'none'" : scripts.joined(separator: " ")
        let styles = styles.isEmpty ? "'none'" : styles.joined(separator: " ")
        return "default-src 'none'; script-src \(scripts); style-src \(styles); img-src data:; form-action 'none'; base-uri 'none'"
    }

    /// The site path that `reference`, written on the page at `pagePath`, names; nil for a URL with
    /// a scheme or a path that leaves the site.
    static func sitePath(_ reference: String, from pagePath: String) -> String? {
        let path = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains(":"), let decoded = String(path).removingPercentEncoding else { return nil }
        var parts = pagePath.split(separator: "/").dropLast().map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..": guard parts.popLast() != nil else { return nil }
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// An embedded image's type: by its extension, PNG for any name that says no image type.
    static func mediaType(_ path: String) -> String {
        MediaType.of(path).flatMap { $0.hasPrefix("image/") ? $0 : nil } ?? "image/png"
    }
}
