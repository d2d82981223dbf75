/// The site's one script, `assets/runsite.js`, made from the modules in `assets/js/` (one file per
/// concern: table sorting, filtering, column chooser, saved views, compare, chart read-out, chart
/// controls, brushing, …), joined in file-name order. One script keeps every page's single
/// `<script defer>` (and custom layouts that name it) working from `file://`, and the fixed order
/// makes the same modules give the same bytes. A `--templates` folder may replace single modules;
/// its own `assets/runsite.js`, if it has one, is shipped instead.
public enum ScriptModules {
    /// The folder of modules inside `assets/`.
    public static let folder = "js"
    /// The script the site ships, inside `assets/`.
    public static let script = "runsite.js"

    /// The modules joined: each preceded by a comment naming its file, and ending in a newline.
    public static func join(_ modules: [String: [UInt8]]) -> [UInt8] {
        var out = Array("// runsite.js: the modules of assets/js/, joined in name order by runsite build.\n".utf8)
        for name in modules.keys.sorted() {
            out += Array("\n// assets/js/\(name)\n".utf8)
            let code = modules[name]!
            out += code
            if code.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        }
        return out
    }
}
