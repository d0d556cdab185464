/// Lets go of a large value on another thread. Freeing a whole site (a tree of nodes for every
/// body) one allocation at a time took a tenth of a large build, all of it at the very end and
/// on one core; a build hands the site over here once everything is written, and a
/// command-line process may end before it is done.
enum BackgroundRelease {
    static func drop<Value: Sendable>(_ value: consuming Value) {
        let handoff = Handoff(value)
        Task.detached(priority: .utility) { _ = handoff.take() }
    }
}
