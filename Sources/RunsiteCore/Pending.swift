import Dispatch
import Synchronization

/// A value computed on another thread, started at once and waited for on first use: work that the
/// rest of a build does not need yet (the previous build's cache index, decoded while the inputs
/// are walked) leaves the critical path.
public final class Pending<Value: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    public init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async {
            let value = work()
            self.result.withLock { $0 = value }
            self.group.leave()
        }
    }

    /// The value, once computed (blocks until then); safe from any thread.
    public var value: Value {
        group.wait()
        return result.withLock { $0! }
    }
}
