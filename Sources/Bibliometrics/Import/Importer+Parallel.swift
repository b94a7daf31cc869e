import Foundation
import NetworkCore

/// Running independent pieces of an import on both cores, deterministically.
///
/// Definition: ``Importer/inParallel(_:)`` runs `n` independent jobs with
/// `DispatchQueue.concurrentPerform` and returns their results in job order; when jobs
/// fail, the error of the first failing job (in job order) is thrown, the same error a
/// sequential loop would have stopped at. Each job must touch only its own inputs and
/// outputs (a file read, a file written), so the result does not depend on the schedule.
/// Called from inside a job of another `concurrentPerform`, libdispatch runs the jobs one
/// after the other on that thread (a nested apply gets no more threads): a step that should
/// use both cores is started from a plain thread (``whileElsewhere(_:here:)``'s `here`).
extension Importer {
    static func inParallel<T: Sendable>(_ n: Int, _ job: @Sendable (Int) throws -> T) throws -> [T] {
        let box = ParallelResults<T>(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { i in
            let r: Result<T, any Error>
            do { r = .success(try job(i)) } catch { r = .failure(error) }
            box.set(i, r)
        }
        return try box.values()
    }

    /// ``inParallel(_:_:)`` for jobs that cannot fail: results in job order.
    static func inParallel<T: Sendable>(_ n: Int, _ job: @Sendable (Int) -> T) -> [T] {
        let box = ParallelResults<T>(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { i in box.set(i, .success(job(i))) }
        return box.completed()
    }

    /// `job` for the two halves of `0..<count` — `0..<split` and `split..<count`, `split` the
    /// middle unless given — on both cores (``inParallel(_:_:)``), the results joined in order.
    /// For pure per-element work whose results must keep the elements' order.
    static func inHalves<T: Sendable>(_ count: Int, splitAt split: Int? = nil, _ job: @Sendable (Range<Int>) -> [T]) -> [T] {
        let middle = min(max(split ?? count / 2, 0), count)
        let halves = inParallel(2) { h in job(h == 0 ? 0..<middle : middle..<count) }
        return Array(halves.joined())
    }

    /// `elsewhere` on another thread while `here` runs on the calling thread; both results.
    /// Which thread runs which job is fixed: what `here` allocates
    /// comes from the calling thread's malloc arena, where the memory the import freed before
    /// is reused (glibc gives each thread its own arena; measured: placing the works in fields
    /// on a worker thread while the tables were written raised the peak by ~30 MiB).
    static func whileElsewhere<A: Sendable, B>(_ elsewhere: @escaping @Sendable () -> A, here: () throws -> B) rethrows -> (A, B) {
        let box = ParallelResults<A>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { box.set(0, .success(elsewhere())) }
        let b: B
        do {
            b = try here()
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        return (box.completed().first ?? elsewhere(), b)
    }
}

/// A value handed to another thread whole: the sender drops its own reference after making
/// the handoff, so the receiver's ``take()`` holds the only one and changes it in place (an
/// array of 10⁵ rows is not copied on write), or ``release()`` frees it there (the spent
/// lookup indexes during the final merge pass). A handoff that is never taken keeps its value
/// until the process exits (``ImportOptions/keepsDatasetUntilExit``, with `Unmanaged`).
/// Each instance is touched by one thread at a time.
final class Handoff<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }
    /// The value (`nil` once taken or released).
    func take() -> Value? {
        defer { value = nil }
        return value
    }
    /// Drops the value (its memory is freed here when nothing else holds it).
    func release() { value = nil }
}

/// The results of ``Importer/inParallel(_:_:)``, one slot per job, behind a lock.
private final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, any Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    /// The values of the jobs that succeeded, in job order (all of them once `concurrentPerform` returned).
    func completed() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { s in if case .success(let v)? = s { v } else { nil } }
    }

    /// The values in job order, or the first job's error.
    func values() throws -> [T] {
        lock.lock()
        defer { lock.unlock() }
        var out: [T] = []
        out.reserveCapacity(slots.count)
        for s in slots {
            switch s {
            case .success(let v): out.append(v)
            case .failure(let e): throw e
            case nil: throw InputError(file: "(import)", message: "internal: a parallel job did not finish")
            }
        }
        return out
    }
}
