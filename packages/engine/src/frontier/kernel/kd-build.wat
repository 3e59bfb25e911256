;; The build of a dominance filter's k-d tree (dominance-tree.ts), in WebAssembly so that the first
;; analysis in a process builds it compiled: built in JavaScript, a tree over KillerRobot's 73 450
;; candidates took 73 ms in a fresh process (mostly in the interpreter) against 15 ms warm. The same
;; splits as the JavaScript it replaces: median splits by Hoare quickselect, axes in turn, ranges of
;; at most 16 positions as leaves, nodes numbered in the order a depth-first walk (right range first)
;; makes them. Build: `node packages/engine/scripts/build-kernels.mjs` (writes kd-build-wasm.ts).
(module
  (memory (export "memory") 1)
  ;; The position that answered the last ε-query (thinSweep), −1 before any.
  (global $lastCover (mut i32) (i32.const -1))

  ;; Afterwards the key of position k (f64 at $key) is the k-th smallest of [lo, hi], smaller ones
  ;; before it, larger after; $order (i32) moves with the keys.
  (func $selectNth (param $order i32) (param $key i32) (param $lo i32) (param $hi i32) (param $k i32)
    (local $i i32) (local $j i32) (local $pivot f64) (local $swappedKey f64) (local $swapped i32)
    (local $at i32) (local $other i32)
    (block $done
      (loop $narrow
        (br_if $done (i32.le_s (local.get $hi) (local.get $lo)))
        (local.set $pivot
          (f64.load (i32.add (local.get $key)
            (i32.shl (i32.shr_s (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)) (i32.const 3)))))
        (local.set $i (local.get $lo))
        (local.set $j (local.get $hi))
        (block $partitioned
          (loop $partition
            (br_if $partitioned (i32.gt_s (local.get $i) (local.get $j)))
            (block $stopI
              (loop $advanceI
                (br_if $stopI (i32.eqz (f64.lt
                  (f64.load (i32.add (local.get $key) (i32.shl (local.get $i) (i32.const 3))))
                  (local.get $pivot))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $advanceI)))
            (block $stopJ
              (loop $retreatJ
                (br_if $stopJ (i32.eqz (f64.gt
                  (f64.load (i32.add (local.get $key) (i32.shl (local.get $j) (i32.const 3))))
                  (local.get $pivot))))
                (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                (br $retreatJ)))
            (if (i32.le_s (local.get $i) (local.get $j))
              (then
                (local.set $at (i32.add (local.get $key) (i32.shl (local.get $i) (i32.const 3))))
                (local.set $other (i32.add (local.get $key) (i32.shl (local.get $j) (i32.const 3))))
                (local.set $swappedKey (f64.load (local.get $at)))
                (f64.store (local.get $at) (f64.load (local.get $other)))
                (f64.store (local.get $other) (local.get $swappedKey))
                (local.set $at (i32.add (local.get $order) (i32.shl (local.get $i) (i32.const 2))))
                (local.set $other (i32.add (local.get $order) (i32.shl (local.get $j) (i32.const 2))))
                (local.set $swapped (i32.load (local.get $at)))
                (i32.store (local.get $at) (i32.load (local.get $other)))
                (i32.store (local.get $other) (local.get $swapped))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (local.set $j (i32.sub (local.get $j) (i32.const 1)))))
            (br $partition)))
        (if (i32.le_s (local.get $k) (local.get $j))
          (then (local.set $hi (local.get $j)) (br $narrow)))
        (if (i32.ge_s (local.get $k) (local.get $i))
          (then (local.set $lo (local.get $i)) (br $narrow))))))

  ;; Byte offsets: $values f64[count * stride] (coordinates first … stride−1 are indexed); out:
  ;; $coordinates f64[count * d] (tree order; also the build's keys), $order i32[count] (position →
  ;; index), $positionOf i32[count], $nodeOf i32[count], $parentOf i32[nodes], $axisOf i32[nodes];
  ;; $stack: 1 KiB of scratch. Returns the number of nodes.
  (func (export "build")
    (param $values i32) (param $count i32) (param $stride i32) (param $first i32)
    (param $coordinates i32) (param $order i32) (param $positionOf i32) (param $nodeOf i32)
    (param $parentOf i32) (param $axisOf i32) (param $stack i32)
    (result i32)
    (local $d i32) (local $top i32) (local $lo i32) (local $hi i32) (local $axis i32)
    (local $parent i32) (local $middle i32) (local $node i32) (local $made i32)
    (local $position i32) (local $p i32) (local $next i32) (local $index i32) (local $from i32)
    (local.set $d (i32.sub (local.get $stride) (local.get $first)))
    (local.set $position (i32.const 0))
    (block $numbered
      (loop $number
        (br_if $numbered (i32.ge_s (local.get $position) (local.get $count)))
        (i32.store (i32.add (local.get $order) (i32.shl (local.get $position) (i32.const 2)))
          (local.get $position))
        (local.set $position (i32.add (local.get $position) (i32.const 1)))
        (br $number)))
    ;; pending ranges, four i32 each: lo, hi, axis, parent node
    (i32.store (local.get $stack) (i32.const 0))
    (i32.store offset=4 (local.get $stack) (local.get $count))
    (i32.store offset=8 (local.get $stack) (i32.const 0))
    (i32.store offset=12 (local.get $stack) (i32.const -1))
    (local.set $top (i32.const 16))
    (block $built
      (loop $pop
        (br_if $built (i32.eqz (local.get $top)))
        (local.set $top (i32.sub (local.get $top) (i32.const 16)))
        (local.set $from (i32.add (local.get $stack) (local.get $top)))
        (local.set $lo (i32.load (local.get $from)))
        (local.set $hi (i32.load offset=4 (local.get $from)))
        (local.set $axis (i32.load offset=8 (local.get $from)))
        (local.set $parent (i32.load offset=12 (local.get $from)))
        (if (i32.lt_s (local.get $lo) (local.get $hi))
          (then
            (local.set $middle (i32.shr_s (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
            (local.set $node (local.get $made))
            (local.set $made (i32.add (local.get $made) (i32.const 1)))
            (i32.store (i32.add (local.get $parentOf) (i32.shl (local.get $node) (i32.const 2)))
              (local.get $parent))
            (if (i32.le_s (i32.sub (local.get $hi) (local.get $lo)) (i32.const 16))
              (then
                (local.set $position (local.get $lo))
                (block $leafDone
                  (loop $leaf
                    (br_if $leafDone (i32.ge_s (local.get $position) (local.get $hi)))
                    (i32.store (i32.add (local.get $nodeOf) (i32.shl (local.get $position) (i32.const 2)))
                      (local.get $node))
                    (local.set $position (i32.add (local.get $position) (i32.const 1)))
                    (br $leaf))))
              (else
                (local.set $position (local.get $lo))
                (block $keyed
                  (loop $key
                    (br_if $keyed (i32.ge_s (local.get $position) (local.get $hi)))
                    (local.set $index
                      (i32.load (i32.add (local.get $order) (i32.shl (local.get $position) (i32.const 2)))))
                    (f64.store (i32.add (local.get $coordinates) (i32.shl (local.get $position) (i32.const 3)))
                      (f64.load (i32.add (local.get $values)
                        (i32.shl
                          (i32.add (i32.mul (local.get $index) (local.get $stride))
                            (i32.add (local.get $first) (local.get $axis)))
                          (i32.const 3)))))
                    (local.set $position (i32.add (local.get $position) (i32.const 1)))
                    (br $key)))
                (call $selectNth (local.get $order) (local.get $coordinates) (local.get $lo)
                  (i32.sub (local.get $hi) (i32.const 1)) (local.get $middle))
                (i32.store (i32.add (local.get $nodeOf) (i32.shl (local.get $middle) (i32.const 2)))
                  (local.get $node))
                (i32.store (i32.add (local.get $axisOf) (i32.shl (local.get $node) (i32.const 2)))
                  (local.get $axis))
                (local.set $next (i32.add (local.get $axis) (i32.const 1)))
                (if (i32.eq (local.get $next) (local.get $d)) (then (local.set $next (i32.const 0))))
                ;; left range pushed first, so the right one is built first, as in the JavaScript
                (local.set $from (i32.add (local.get $stack) (local.get $top)))
                (i32.store (local.get $from) (local.get $lo))
                (i32.store offset=4 (local.get $from) (local.get $middle))
                (i32.store offset=8 (local.get $from) (local.get $next))
                (i32.store offset=12 (local.get $from) (local.get $node))
                (i32.store offset=16 (local.get $from) (i32.add (local.get $middle) (i32.const 1)))
                (i32.store offset=20 (local.get $from) (local.get $hi))
                (i32.store offset=24 (local.get $from) (local.get $next))
                (i32.store offset=28 (local.get $from) (local.get $node))
                (local.set $top (i32.add (local.get $top) (i32.const 32)))))))
        (br $pop)))
    ;; the indexed coordinates in tree order, for the queries' sequential leaf scans
    (local.set $position (i32.const 0))
    (block $copied
      (loop $copy
        (br_if $copied (i32.ge_s (local.get $position) (local.get $count)))
        (local.set $index
          (i32.load (i32.add (local.get $order) (i32.shl (local.get $position) (i32.const 2)))))
        (i32.store (i32.add (local.get $positionOf) (i32.shl (local.get $index) (i32.const 2)))
          (local.get $position))
        (local.set $p (i32.const 0))
        (block $coordinatesDone
          (loop $coordinate
            (br_if $coordinatesDone (i32.ge_s (local.get $p) (local.get $d)))
            (f64.store
              (i32.add (local.get $coordinates)
                (i32.shl (i32.add (i32.mul (local.get $position) (local.get $d)) (local.get $p)) (i32.const 3)))
              (f64.load (i32.add (local.get $values)
                (i32.shl
                  (i32.add (i32.mul (local.get $index) (local.get $stride))
                    (i32.add (local.get $first) (local.get $p)))
                  (i32.const 3)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $coordinate)))
        (local.set $position (i32.add (local.get $position) (i32.const 1)))
        (br $copy)))
    (local.get $made))

  ;; 1 when the point at position $a is ≥ the one at position $q in all $d coordinates.
  (func $reaches (param $coordinates i32) (param $d i32) (param $a i32) (param $q i32) (result i32)
    (local $p i32) (local $at i32) (local $query i32)
    (local.set $at (i32.add (local.get $coordinates) (i32.shl (i32.mul (local.get $a) (local.get $d)) (i32.const 3))))
    (local.set $query (i32.add (local.get $coordinates) (i32.shl (i32.mul (local.get $q) (local.get $d)) (i32.const 3))))
    (block $no
      (loop $next
        (br_if $no (i32.ge_s (local.get $p) (local.get $d)))
        (if (f64.lt (f64.load (local.get $at)) (f64.load (local.get $query))) (then (return (i32.const 0))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (local.set $query (i32.add (local.get $query) (i32.const 8)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; The exact filter over a built tree (dominance-tree.ts, `keepUncovered`): the indices at $sorted
  ;; (i32[count], an order in which a dominating point comes first) are visited in turn; one that no
  ;; kept point reaches in every coordinate is kept and activated. The kept indices overwrite
  ;; $sorted from its start, in visiting order; returns how many. $maxima (f64[nodes * d], −∞) and
  ;; $active (u8[count], 0) start empty; $stack is 1 KiB of scratch.
  (func (export "keepUncovered")
    (param $d i32) (param $count i32) (param $coordinates i32) (param $positionOf i32)
    (param $nodeOf i32) (param $parentOf i32) (param $axisOf i32) (param $maxima i32)
    (param $active i32) (param $stack i32) (param $sorted i32)
    (result i32)
    (local $visit i32) (local $index i32) (local $q i32) (local $kept i32) (local $last i32)
    (local $top i32) (local $lo i32) (local $hi i32) (local $middle i32) (local $node i32)
    (local $p i32) (local $reachable i32) (local $covered i32) (local $position i32)
    (local $axis i32) (local $value f64) (local $raised i32) (local $at i32)
    (local.set $last (i32.const -1))
    (block $visited
      (loop $visitNext
        (br_if $visited (i32.ge_s (local.get $visit) (local.get $count)))
        (local.set $index
          (i32.load (i32.add (local.get $sorted) (i32.shl (local.get $visit) (i32.const 2)))))
        (local.set $q
          (i32.load (i32.add (local.get $positionOf) (i32.shl (local.get $index) (i32.const 2)))))
        (local.set $covered (i32.const 0))
        ;; neighbours in order are often covered by the same point: try it first
        (if (i32.ne (local.get $last) (i32.const -1))
          (then
            (local.set $covered
              (call $reaches (local.get $coordinates) (local.get $d) (local.get $last) (local.get $q)))))
        (if (i32.eqz (local.get $covered))
          (then
            (i32.store (local.get $stack) (i32.const 0))
            (i32.store offset=4 (local.get $stack) (local.get $count))
            (local.set $top (i32.const 8))
            (block $searched
              (loop $search
                (br_if $searched (i32.eqz (local.get $top)))
                (local.set $top (i32.sub (local.get $top) (i32.const 8)))
                (local.set $lo (i32.load (i32.add (local.get $stack) (local.get $top))))
                (local.set $hi (i32.load offset=4 (i32.add (local.get $stack) (local.get $top))))
                (local.set $middle (i32.shr_s (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
                (local.set $node
                  (i32.load (i32.add (local.get $nodeOf) (i32.shl (local.get $middle) (i32.const 2)))))
                ;; can any active point below this node reach the query?
                (local.set $reachable (i32.const 1))
                (local.set $p (i32.const 0))
                (local.set $at
                  (i32.add (local.get $maxima) (i32.shl (i32.mul (local.get $node) (local.get $d)) (i32.const 3))))
                (block $checked
                  (loop $check
                    (br_if $checked (i32.ge_s (local.get $p) (local.get $d)))
                    (if
                      (f64.lt
                        (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3))))
                        (f64.load (i32.add (local.get $coordinates)
                          (i32.shl (i32.add (i32.mul (local.get $q) (local.get $d)) (local.get $p)) (i32.const 3)))))
                      (then (local.set $reachable (i32.const 0)) (br $checked)))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $check)))
                (if (local.get $reachable)
                  (then
                    (if (i32.le_s (i32.sub (local.get $hi) (local.get $lo)) (i32.const 16))
                      (then
                        (local.set $position (local.get $lo))
                        (block $scanned
                          (loop $scan
                            (br_if $scanned (i32.ge_s (local.get $position) (local.get $hi)))
                            (if (i32.load8_u (i32.add (local.get $active) (local.get $position)))
                              (then
                                (if (call $reaches (local.get $coordinates) (local.get $d)
                                      (local.get $position) (local.get $q))
                                  (then
                                    (local.set $last (local.get $position))
                                    (local.set $covered (i32.const 1))
                                    (br $searched)))))
                            (local.set $position (i32.add (local.get $position) (i32.const 1)))
                            (br $scan))))
                      (else
                        (if (i32.load8_u (i32.add (local.get $active) (local.get $middle)))
                          (then
                            (if (call $reaches (local.get $coordinates) (local.get $d)
                                  (local.get $middle) (local.get $q))
                              (then
                                (local.set $last (local.get $middle))
                                (local.set $covered (i32.const 1))
                                (br $searched)))))
                        (if (i32.lt_s (i32.add (local.get $middle) (i32.const 1)) (local.get $hi))
                          (then
                            (i32.store (i32.add (local.get $stack) (local.get $top))
                              (i32.add (local.get $middle) (i32.const 1)))
                            (i32.store offset=4 (i32.add (local.get $stack) (local.get $top)) (local.get $hi))
                            (local.set $top (i32.add (local.get $top) (i32.const 8)))))
                        ;; the left range holds only points at or below this one on its axis
                        (local.set $axis
                          (i32.load (i32.add (local.get $axisOf) (i32.shl (local.get $node) (i32.const 2)))))
                        (if
                          (i32.and
                            (i32.lt_s (local.get $lo) (local.get $middle))
                            (f64.ge
                              (f64.load (i32.add (local.get $coordinates)
                                (i32.shl (i32.add (i32.mul (local.get $middle) (local.get $d)) (local.get $axis))
                                  (i32.const 3))))
                              (f64.load (i32.add (local.get $coordinates)
                                (i32.shl (i32.add (i32.mul (local.get $q) (local.get $d)) (local.get $axis))
                                  (i32.const 3))))))
                          (then
                            (i32.store (i32.add (local.get $stack) (local.get $top)) (local.get $lo))
                            (i32.store offset=4 (i32.add (local.get $stack) (local.get $top)) (local.get $middle))
                            (local.set $top (i32.add (local.get $top) (i32.const 8)))))))))
                (br $search)))))
        (if (i32.eqz (local.get $covered))
          (then
            (i32.store (i32.add (local.get $sorted) (i32.shl (local.get $kept) (i32.const 2)))
              (local.get $index))
            (local.set $kept (i32.add (local.get $kept) (i32.const 1)))
            ;; activate: raise the maxima up the path until an ancestor already reaches the point
            (i32.store8 (i32.add (local.get $active) (local.get $q)) (i32.const 1))
            (local.set $node
              (i32.load (i32.add (local.get $nodeOf) (i32.shl (local.get $q) (i32.const 2)))))
            (block $raisedAll
              (loop $raise
                (br_if $raisedAll (i32.eq (local.get $node) (i32.const -1)))
                (local.set $raised (i32.const 0))
                (local.set $p (i32.const 0))
                (local.set $at
                  (i32.add (local.get $maxima) (i32.shl (i32.mul (local.get $node) (local.get $d)) (i32.const 3))))
                (block $coordinatesDone
                  (loop $coordinate
                    (br_if $coordinatesDone (i32.ge_s (local.get $p) (local.get $d)))
                    (local.set $value
                      (f64.load (i32.add (local.get $coordinates)
                        (i32.shl (i32.add (i32.mul (local.get $q) (local.get $d)) (local.get $p)) (i32.const 3)))))
                    (if (f64.gt (local.get $value)
                          (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3)))))
                      (then
                        (f64.store (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3)))
                          (local.get $value))
                        (local.set $raised (i32.const 1))))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $coordinate)))
                (br_if $raisedAll (i32.eqz (local.get $raised)))
                (local.set $node
                  (i32.load (i32.add (local.get $parentOf) (i32.shl (local.get $node) (i32.const 2)))))
                (br $raise)))))
        (local.set $visit (i32.add (local.get $visit) (i32.const 1)))
        (br $visitNext)))
    (local.get $kept))

  ;; 1 when the point at position $a is ≥ $corner (f64[d]) in every coordinate.
  (func $reachesCorner (param $coordinates i32) (param $d i32) (param $a i32) (param $corner i32) (result i32)
    (local $p i32) (local $at i32)
    (local.set $at (i32.add (local.get $coordinates) (i32.shl (i32.mul (local.get $a) (local.get $d)) (i32.const 3))))
    (block $no
      (loop $next
        (br_if $no (i32.ge_s (local.get $p) (local.get $d)))
        (if (f64.lt (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3))))
                    (f64.load (i32.add (local.get $corner) (i32.shl (local.get $p) (i32.const 3)))))
          (then (return (i32.const 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.const 1))

  ;; The position of some active point ≥ $corner in every coordinate, or −1: DominanceTree.coverOf,
  ;; the same search in the same order (so the same answer).
  (func $coverOf
    (param $d i32) (param $count i32) (param $coordinates i32) (param $nodeOf i32) (param $axisOf i32)
    (param $maxima i32) (param $active i32) (param $stack i32) (param $corner i32)
    (result i32)
    (local $top i32) (local $lo i32) (local $hi i32) (local $middle i32) (local $node i32)
    (local $p i32) (local $reachable i32) (local $position i32) (local $axis i32) (local $at i32)
    (if (i32.ne (global.get $lastCover) (i32.const -1))
      (then
        (if (call $reachesCorner (local.get $coordinates) (local.get $d) (global.get $lastCover) (local.get $corner))
          (then (return (global.get $lastCover))))))
    (i32.store (local.get $stack) (i32.const 0))
    (i32.store offset=4 (local.get $stack) (local.get $count))
    (local.set $top (i32.const 8))
    (block $searched
      (loop $search
        (br_if $searched (i32.eqz (local.get $top)))
        (local.set $top (i32.sub (local.get $top) (i32.const 8)))
        (local.set $lo (i32.load (i32.add (local.get $stack) (local.get $top))))
        (local.set $hi (i32.load offset=4 (i32.add (local.get $stack) (local.get $top))))
        (local.set $middle (i32.shr_s (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
        (local.set $node
          (i32.load (i32.add (local.get $nodeOf) (i32.shl (local.get $middle) (i32.const 2)))))
        (local.set $reachable (i32.const 1))
        (local.set $p (i32.const 0))
        (local.set $at
          (i32.add (local.get $maxima) (i32.shl (i32.mul (local.get $node) (local.get $d)) (i32.const 3))))
        (block $checked
          (loop $check
            (br_if $checked (i32.ge_s (local.get $p) (local.get $d)))
            (if
              (f64.lt
                (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3))))
                (f64.load (i32.add (local.get $corner) (i32.shl (local.get $p) (i32.const 3)))))
              (then (local.set $reachable (i32.const 0)) (br $checked)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $check)))
        (if (local.get $reachable)
          (then
            (if (i32.le_s (i32.sub (local.get $hi) (local.get $lo)) (i32.const 16))
              (then
                (local.set $position (local.get $lo))
                (block $scanned
                  (loop $scan
                    (br_if $scanned (i32.ge_s (local.get $position) (local.get $hi)))
                    (if (i32.load8_u (i32.add (local.get $active) (local.get $position)))
                      (then
                        (if (call $reachesCorner (local.get $coordinates) (local.get $d)
                              (local.get $position) (local.get $corner))
                          (then
                            (global.set $lastCover (local.get $position))
                            (return (local.get $position))))))
                    (local.set $position (i32.add (local.get $position) (i32.const 1)))
                    (br $scan))))
              (else
                (if (i32.load8_u (i32.add (local.get $active) (local.get $middle)))
                  (then
                    (if (call $reachesCorner (local.get $coordinates) (local.get $d)
                          (local.get $middle) (local.get $corner))
                      (then
                        (global.set $lastCover (local.get $middle))
                        (return (local.get $middle))))))
                (if (i32.lt_s (i32.add (local.get $middle) (i32.const 1)) (local.get $hi))
                  (then
                    (i32.store (i32.add (local.get $stack) (local.get $top))
                      (i32.add (local.get $middle) (i32.const 1)))
                    (i32.store offset=4 (i32.add (local.get $stack) (local.get $top)) (local.get $hi))
                    (local.set $top (i32.add (local.get $top) (i32.const 8)))))
                (local.set $axis
                  (i32.load (i32.add (local.get $axisOf) (i32.shl (local.get $node) (i32.const 2)))))
                (if
                  (i32.and
                    (i32.lt_s (local.get $lo) (local.get $middle))
                    (f64.ge
                      (f64.load (i32.add (local.get $coordinates)
                        (i32.shl (i32.add (i32.mul (local.get $middle) (local.get $d)) (local.get $axis))
                          (i32.const 3))))
                      (f64.load (i32.add (local.get $corner) (i32.shl (local.get $axis) (i32.const 3))))))
                  (then
                    (i32.store (i32.add (local.get $stack) (local.get $top)) (local.get $lo))
                    (i32.store offset=4 (i32.add (local.get $stack) (local.get $top)) (local.get $middle))
                    (local.set $top (i32.add (local.get $top) (i32.const 8)))))))))
        (br $search)))
    (i32.const -1))

  ;; One ε-dominance thinning pass over a built tree (thinning.ts, `thinnedNonDominated`), every
  ;; coordinate indexed (first = 0, so $values, f64[count * d] in index order, is what the tree was
  ;; built from). Candidates are visited in the order at $sorted; one whose corner
  ;; values − (level − errors) no kept point reaches is kept and activated, else the cover's errors
  ;; are raised to what the candidate stood for. $errors (f64[count * d]) is updated in place; the
  ;; kept indices overwrite $sorted from its start; returns how many. $corner: f64[d] of scratch.
  (func (export "thinSweep")
    (param $d i32) (param $count i32) (param $coordinates i32) (param $positionOf i32)
    (param $nodeOf i32) (param $parentOf i32) (param $axisOf i32) (param $maxima i32)
    (param $active i32) (param $stack i32) (param $sorted i32) (param $values i32)
    (param $errors i32) (param $level i32) (param $corner i32) (param $order i32)
    (result i32)
    (local $visit i32) (local $index i32) (local $base i32) (local $p i32) (local $cover i32)
    (local $coverBase i32) (local $kept i32) (local $q i32) (local $node i32) (local $raised i32)
    (local $at i32) (local $value f64) (local $error f64)
    (global.set $lastCover (i32.const -1))
    (block $visited
      (loop $visitNext
        (br_if $visited (i32.ge_s (local.get $visit) (local.get $count)))
        (local.set $index
          (i32.load (i32.add (local.get $sorted) (i32.shl (local.get $visit) (i32.const 2)))))
        (local.set $base (i32.shl (i32.mul (local.get $index) (local.get $d)) (i32.const 3)))
        (local.set $p (i32.const 0))
        (block $cornered
          (loop $corner
            (br_if $cornered (i32.ge_s (local.get $p) (local.get $d)))
            (f64.store (i32.add (local.get $corner) (i32.shl (local.get $p) (i32.const 3)))
              (f64.sub
                (f64.load (i32.add (i32.add (local.get $values) (local.get $base)) (i32.shl (local.get $p) (i32.const 3))))
                (f64.sub
                  (f64.load (i32.add (local.get $level) (i32.shl (local.get $p) (i32.const 3))))
                  (f64.load (i32.add (i32.add (local.get $errors) (local.get $base)) (i32.shl (local.get $p) (i32.const 3)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $corner)))
        (local.set $cover
          (call $coverOf (local.get $d) (local.get $count) (local.get $coordinates) (local.get $nodeOf)
            (local.get $axisOf) (local.get $maxima) (local.get $active) (local.get $stack) (local.get $corner)))
        (if (i32.eq (local.get $cover) (i32.const -1))
          (then
            (i32.store (i32.add (local.get $sorted) (i32.shl (local.get $kept) (i32.const 2)))
              (local.get $index))
            (local.set $kept (i32.add (local.get $kept) (i32.const 1)))
            (local.set $q
              (i32.load (i32.add (local.get $positionOf) (i32.shl (local.get $index) (i32.const 2)))))
            (i32.store8 (i32.add (local.get $active) (local.get $q)) (i32.const 1))
            (local.set $node
              (i32.load (i32.add (local.get $nodeOf) (i32.shl (local.get $q) (i32.const 2)))))
            (block $raisedAll
              (loop $raise
                (br_if $raisedAll (i32.eq (local.get $node) (i32.const -1)))
                (local.set $raised (i32.const 0))
                (local.set $p (i32.const 0))
                (local.set $at
                  (i32.add (local.get $maxima) (i32.shl (i32.mul (local.get $node) (local.get $d)) (i32.const 3))))
                (block $coordinatesDone
                  (loop $coordinate
                    (br_if $coordinatesDone (i32.ge_s (local.get $p) (local.get $d)))
                    (local.set $value
                      (f64.load (i32.add (local.get $coordinates)
                        (i32.shl (i32.add (i32.mul (local.get $q) (local.get $d)) (local.get $p)) (i32.const 3)))))
                    (if (f64.gt (local.get $value)
                          (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3)))))
                      (then
                        (f64.store (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3)))
                          (local.get $value))
                        (local.set $raised (i32.const 1))))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $coordinate)))
                (br_if $raisedAll (i32.eqz (local.get $raised)))
                (local.set $node
                  (i32.load (i32.add (local.get $parentOf) (i32.shl (local.get $node) (i32.const 2)))))
                (br $raise))))
          (else
            ;; whatever the candidate stood for, its cover now stands for
            (local.set $coverBase
              (i32.shl
                (i32.mul
                  (i32.load (i32.add (local.get $order) (i32.shl (local.get $cover) (i32.const 2))))
                  (local.get $d))
                (i32.const 3)))
            (local.set $p (i32.const 0))
            (block $absorbed
              (loop $absorb
                (br_if $absorbed (i32.ge_s (local.get $p) (local.get $d)))
                (local.set $at (i32.shl (local.get $p) (i32.const 3)))
                (local.set $error
                  (f64.sub
                    (f64.add
                      (f64.load (i32.add (i32.add (local.get $errors) (local.get $base)) (local.get $at)))
                      (f64.load (i32.add (i32.add (local.get $values) (local.get $base)) (local.get $at))))
                    (f64.load (i32.add (i32.add (local.get $values) (local.get $coverBase)) (local.get $at)))))
                (if (f64.gt (local.get $error)
                      (f64.load (i32.add (i32.add (local.get $errors) (local.get $coverBase)) (local.get $at))))
                  (then
                    (f64.store (i32.add (i32.add (local.get $errors) (local.get $coverBase)) (local.get $at))
                      (local.get $error))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $absorb)))))
        (local.set $visit (i32.add (local.get $visit) (i32.const 1)))
        (br $visitNext)))
    (local.get $kept))

  ;; 1 when candidate $a comes before candidate $b in a sweep: its $stride coordinates (f64 at
  ;; $values) larger at the first that differs, or all equal and its index smaller. Any dominating
  ;; candidate comes before those it dominates.
  (func $before (param $values i32) (param $stride i32) (param $a i32) (param $b i32) (result i32)
    (local $p i32) (local $x f64) (local $y f64) (local $at i32) (local $other i32)
    (local.set $at (i32.add (local.get $values) (i32.shl (i32.mul (local.get $a) (local.get $stride)) (i32.const 3))))
    (local.set $other (i32.add (local.get $values) (i32.shl (i32.mul (local.get $b) (local.get $stride)) (i32.const 3))))
    (block $tied
      (loop $next
        (br_if $tied (i32.ge_s (local.get $p) (local.get $stride)))
        (local.set $x (f64.load (local.get $at)))
        (local.set $y (f64.load (local.get $other)))
        (if (f64.gt (local.get $x) (local.get $y)) (then (return (i32.const 1))))
        (if (f64.lt (local.get $x) (local.get $y)) (then (return (i32.const 0))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (local.set $other (i32.add (local.get $other) (i32.const 8)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.lt_s (local.get $a) (local.get $b)))

  ;; Where the run of $order (i32) that starts at $start ends: the first position, at most $count,
  ;; whose index does not come after the one before it.
  (func $runEnd (param $order i32) (param $start i32) (param $count i32) (param $values i32)
    (param $stride i32) (result i32)
    (local $at i32)
    (local.set $at (i32.add (local.get $start) (i32.const 1)))
    (block $ended
      (loop $extend
        (br_if $ended (i32.ge_s (local.get $at) (local.get $count)))
        (br_if $ended
          (i32.eqz
            (call $before (local.get $values) (local.get $stride)
              (i32.load (i32.add (local.get $order) (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2))))
              (i32.load (i32.add (local.get $order) (i32.shl (local.get $at) (i32.const 2)))))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $extend)))
    (local.get $at))

  ;; The indices 0 … count−1 in sweep order ($before), written at $out (i32[count]); $scratch is
  ;; i32[count]. A natural merge sort: a merge stage's candidates are `from * runs + option`, and
  ;; laid out option by option they already come in about `runs` sorted runs (the previous stage
  ;; is in sweep order, and adding one option's contributions keeps that order but where rounding
  ;; makes a coordinate equal), so about log2(runs) passes sort them: on KillerRobot's 73 450
  ;; candidates (50 options) this replaced a sort in JavaScript that took 15 ms in a fresh process.
  ;; Any `runs` gives the same order; 1 (or one that does not divide `count`) starts from index order.
  (func (export "sortDescending")
    (param $values i32) (param $count i32) (param $stride i32) (param $runs i32)
    (param $out i32) (param $scratch i32)
    (local $length i32) (local $option i32) (local $from i32) (local $k i32)
    (local $source i32) (local $target i32) (local $swap i32) (local $merged i32)
    (local $start i32) (local $middle i32) (local $end i32)
    (local $i i32) (local $j i32) (local $left i32) (local $right i32)
    (if (i32.and (i32.gt_s (local.get $runs) (i32.const 1))
          (i32.eqz (i32.rem_u (local.get $count) (i32.add (local.get $runs) (i32.eqz (local.get $runs))))))
      (then
        (local.set $length (i32.div_u (local.get $count) (local.get $runs)))
        (block $laid
          (loop $nextOption
            (br_if $laid (i32.ge_s (local.get $option) (local.get $runs)))
            (local.set $from (i32.const 0))
            (block $optionLaid
              (loop $nextFrom
                (br_if $optionLaid (i32.ge_s (local.get $from) (local.get $length)))
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
                  (i32.add (i32.mul (local.get $from) (local.get $runs)) (local.get $option)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (local.set $from (i32.add (local.get $from) (i32.const 1)))
                (br $nextFrom)))
            (local.set $option (i32.add (local.get $option) (i32.const 1)))
            (br $nextOption))))
      (else
        (block $numbered
          (loop $number
            (br_if $numbered (i32.ge_s (local.get $k) (local.get $count)))
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $k))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $number)))))
    (local.set $source (local.get $out))
    (local.set $target (local.get $scratch))
    (loop $pass
      (local.set $merged (i32.const 0))
      (local.set $start (i32.const 0))
      (block $passed
        (loop $mergeNext
          (br_if $passed (i32.ge_s (local.get $start) (local.get $count)))
          (local.set $middle
            (call $runEnd (local.get $source) (local.get $start) (local.get $count) (local.get $values) (local.get $stride)))
          (local.set $end (local.get $middle))
          (if (i32.lt_s (local.get $middle) (local.get $count))
            (then
              (local.set $end
                (call $runEnd (local.get $source) (local.get $middle) (local.get $count) (local.get $values) (local.get $stride)))))
          ;; merge [start, middle) and [middle, end) of the source into the target
          (local.set $i (local.get $start))
          (local.set $j (local.get $middle))
          (local.set $k (local.get $start))
          (block $drained
            (loop $take
              (br_if $drained (i32.ge_s (local.get $k) (local.get $end)))
              (if (i32.lt_s (local.get $i) (local.get $middle))
                (then (local.set $left (i32.load (i32.add (local.get $source) (i32.shl (local.get $i) (i32.const 2)))))))
              (if (i32.lt_s (local.get $j) (local.get $end))
                (then (local.set $right (i32.load (i32.add (local.get $source) (i32.shl (local.get $j) (i32.const 2)))))))
              ;; the right one only when the left run is spent or the right one comes strictly first
              (if (i32.or (i32.ge_s (local.get $i) (local.get $middle))
                    (i32.and (i32.lt_s (local.get $j) (local.get $end))
                      (call $before (local.get $values) (local.get $stride) (local.get $right) (local.get $left))))
                (then
                  (i32.store (i32.add (local.get $target) (i32.shl (local.get $k) (i32.const 2))) (local.get $right))
                  (local.set $j (i32.add (local.get $j) (i32.const 1))))
                (else
                  (i32.store (i32.add (local.get $target) (i32.shl (local.get $k) (i32.const 2))) (local.get $left))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br $take)))
          (local.set $merged (i32.add (local.get $merged) (i32.const 1)))
          (local.set $start (local.get $end))
          (br $mergeNext)))
      (local.set $swap (local.get $source))
      (local.set $source (local.get $target))
      (local.set $target (local.get $swap))
      (br_if $pass (i32.gt_s (local.get $merged) (i32.const 1))))
    ;; the last pass wrote the sorted order to what is now the source
    (if (i32.ne (local.get $source) (local.get $out))
      (then
        (local.set $k (i32.const 0))
        (block $copied
          (loop $copy
            (br_if $copied (i32.ge_s (local.get $k) (local.get $count)))
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
              (i32.load (i32.add (local.get $source) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $copy))))))

  ;; A merge stage's candidates, formed where the tree is built from them: at $out (f64[count · d]),
  ;; candidate `from * runs + option` is point `from` of $previous (f64[previousCount · d]) plus row
  ;; `option` of $shift (f64[runs · d]), coordinate by coordinate: the additions formCandidates
  ;; (stage.ts) makes, so the same sums to the last bit.
  (func (export "formCandidates")
    (param $previous i32) (param $previousCount i32) (param $d i32) (param $shift i32)
    (param $runs i32) (param $out i32)
    (local $from i32) (local $option i32) (local $p i32) (local $point i32) (local $row i32)
    (block $formed
      (loop $nextFrom
        (br_if $formed (i32.ge_s (local.get $from) (local.get $previousCount)))
        (local.set $row (local.get $shift))
        (local.set $option (i32.const 0))
        (block $optionsDone
          (loop $nextOption
            (br_if $optionsDone (i32.ge_s (local.get $option) (local.get $runs)))
            (local.set $point
              (i32.add (local.get $previous) (i32.shl (i32.mul (local.get $from) (local.get $d)) (i32.const 3))))
            (local.set $p (i32.const 0))
            (block $added
              (loop $add
                (br_if $added (i32.ge_s (local.get $p) (local.get $d)))
                (f64.store (local.get $out)
                  (f64.add (f64.load (local.get $point)) (f64.load (local.get $row))))
                (local.set $out (i32.add (local.get $out) (i32.const 8)))
                (local.set $point (i32.add (local.get $point) (i32.const 8)))
                (local.set $row (i32.add (local.get $row) (i32.const 8)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $add)))
            (local.set $option (i32.add (local.get $option) (i32.const 1)))
            (br $nextOption)))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $nextFrom)))))
