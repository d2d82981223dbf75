/// The folders discovery never walks, written once for every walk below an INPUT: hidden folders
/// (`.git`, `.venv`, `.dvc`, `.hydra`, `.runsite-cache`, staging folders) and the environments and
/// caches that hold packages, not runs. The site being built is skipped by `Discovery.excluded`
/// and by its marker file.
public enum WalkSkips {
    static let names: Set<String> = ["node_modules", "__pycache__", "venv", "site-packages"]

    /// Whether a folder called `name` is left out of every walk.
    public static func skips(_ name: String) -> Bool {
        name.hasPrefix(".") || names.contains(name)
    }
}
