/// Where a run is in the site map: the index of its project and its index among that project's
/// runs. Pages address runs by place rather than by `RunID`: the map keeps slugs and colours in
/// arrays in this order, and two INPUTs that hold the same path give two runs, with a page each,
/// that share one RunID. `SiteMap.place(ofRun:)` finds the place of a RunID.
struct RunPlace: Hashable, Sendable {
    var project: Int
    var run: Int
}
