/// What untrusted Markdown's images may load. The page that shows run notes decides, image by
/// image, from the URL as written: load a copy inside the site, or show no image.
public enum ImageDecision: Sendable, Equatable {
    /// Load the image from `src`, a relative URL of a file copied into the site.
    case load(src: String)
    /// Show the alt text (linked, when the URL is a remote page) and `(image not shown: reason)`.
    case refuse(reason: String)

    /// Refuses every image: for untrusted Markdown that belongs to no run (a project's README).
    public static let refuseAll: @Sendable (String) -> ImageDecision = { url in
        .refuse(reason: UntrustedURL.isRemote(url) ? "remote" : "not a file of a run")
    }
}

/// URLs in untrusted Markdown: which are remote, which a link may keep, and how cmark writes them.
public enum UntrustedURL {
    /// The `rel` of every link in untrusted Markdown: no referrer, no opener, no endorsement.
    public static let rel = "noopener noreferrer nofollow"

    /// `http:`, `https:` or scheme-relative (`//host/…`).
    public static func isRemote(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") || lower.hasPrefix("\\\\")
    }

    /// The URL's scheme (`https`), or nil for a relative URL.
    public static func scheme(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return candidate.lowercased()
    }

    /// The href a link keeps: web and mail links and relative ones; any other scheme
    /// (`javascript:`, `data:`, `file:`…) becomes empty, as in cmark's safe mode.
    static func safeHref(_ url: String) -> String {
        guard let scheme = scheme(url) else { return url }
        return ["http", "https", "mailto"].contains(scheme) ? url : ""
    }

    /// Escapes a URL for an `href` the way cmark does: unsafe bytes percent-encoded, `&` and `'`
    /// as entities.
    static func escapeHref(_ url: String) -> String {
        var out = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "'"): out += "&#x27;"
            case _ where hrefSafe[Int(byte)]: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        guard byte < 128 else { return false }
        let c = Character(Unicode.Scalar(UInt8(byte)))
        return (c.isLetter || c.isNumber) || "-_.+!*(),%#@?=;:/~$".contains(c)
    }
}
