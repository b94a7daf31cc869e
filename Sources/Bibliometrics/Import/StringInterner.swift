/// Strings numbered in the order they are first seen, so that keys built from them are
/// integers: id 0 is the empty string (``RowBlockKeys``, ``WorkMergePass``).
///
/// Complexity: ``intern(_:)`` O(|s|) expected (one hash look-up). Deterministic: the ids
/// depend only on the order of the calls.
struct StringInterner: Sendable {
    /// The strings by id.
    private(set) var names: [String] = [""]
    private var ids: [String: Int32] = ["": 0]

    init() {}

    /// The id of `s`, added when new.
    mutating func intern(_ s: String) -> Int32 {
        if let i = ids[s] { return i }
        let i = Int32(truncatingIfNeeded: names.count)
        names.append(s)
        ids[s] = i
        return i
    }

    /// The string of `id` (an id this interner gave).
    subscript(id: Int32) -> String { names[Int(id)] }
}
