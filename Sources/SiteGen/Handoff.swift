import Synchronization

/// Holds a value until one task takes it: the taker is then its only owner, so the value is
/// freed on the thread that took it, when that task lets it go. Captured by a task's closure
/// directly, a value stays alive as long as the closure, which may end on another thread.
final class Handoff<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: consuming Value) {
        self.value = Mutex(Optional(value))
    }

    /// The value, taken out; nil once taken.
    func take() -> Value? {
        value.withLock { $0.take() }
    }
}
