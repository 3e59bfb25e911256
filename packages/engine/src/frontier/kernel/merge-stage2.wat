;; One merge stage of a two-party Pareto frontier (frontier.ts, `mergeStage2`), in WebAssembly so
;; that the first call in a process runs compiled code: JavaScript would run it in the interpreter.
;; It does what formCandidates + nonDominatedRuns2 + select do, bit for bit: candidate
;; (from, run) = previous[from] + shift[run], numbered from * runs + run; runs are each sorted by
;; u0 descending, so a k-way merge yields all candidates by (u0 desc, u1 desc, number asc); of each
;; group of equal u0 the best (u1 largest, then lowest number) is kept when its u1 beats every
;; kept u1. `analyze2` below runs the whole exact two-party analysis around it (analysis/two-party.ts).
;; Build: `node packages/engine/scripts/build-kernels.mjs` (writes merge-stage2-wasm.ts).
(module
  (memory (export "memory") 1)
  ;; Byte offsets: previous, shift f64[2 * runs], heads i32[runs] (scratch) and records. A stage is one
  ;; 24-byte record per point, (f64 u0, f64 u1, i32 parent, i32 choice), at previous and records: the
  ;; kept points' records are contiguous, so a stage touches only as many memory pages as it keeps
  ;; (each page a process touches first costs a page fault). Returns the number kept.
  (func $mergeStage2 (export "mergeStage2")
    (param $previous i32) (param $previousCount i32) (param $shift i32) (param $runs i32)
    (param $heads i32) (param $records i32)
    (result i32)
    (local $total i32) (local $out i32) (local $run i32) (local $from i32) (local $number i32)
    (local $at i32) (local $chosen i32) (local $chosenNumber i32) (local $chosenFrom i32)
    (local $u0 f64) (local $u1 f64) (local $chosenU0 f64) (local $chosenU1 f64)
    (local $hasGroup i32) (local $groupNumber i32) (local $groupFrom i32) (local $groupRun i32)
    (local $groupU0 f64) (local $groupU1 f64) (local $best f64) (local $kept i32)
    (local.set $run (i32.const 0))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $run) (local.get $runs)))
        (i32.store (i32.add (local.get $heads) (i32.shl (local.get $run) (i32.const 2))) (i32.const 0))
        (local.set $run (i32.add (local.get $run) (i32.const 1)))
        (br $zero)))
    (local.set $total (i32.mul (local.get $previousCount) (local.get $runs)))
    (local.set $best (f64.const -inf))
    (local.set $out (i32.const 0))
    (block $merged
      (loop $next
        (br_if $merged (i32.ge_u (local.get $out) (local.get $total)))
        ;; the next candidate in order: the best head among the runs
        (local.set $chosen (i32.const -1))
        (local.set $run (i32.const 0))
        (block $scanned
          (loop $scan
            (br_if $scanned (i32.ge_u (local.get $run) (local.get $runs)))
            (local.set $from
              (i32.load (i32.add (local.get $heads) (i32.shl (local.get $run) (i32.const 2)))))
            (if (i32.lt_u (local.get $from) (local.get $previousCount))
              (then
                (local.set $number
                  (i32.add (i32.mul (local.get $from) (local.get $runs)) (local.get $run)))
                (local.set $at (i32.add (local.get $previous) (i32.mul (local.get $from) (i32.const 24))))
                (local.set $u0
                  (f64.add
                    (f64.load (local.get $at))
                    (f64.load (i32.add (local.get $shift) (i32.shl (local.get $run) (i32.const 4))))))
                (local.set $u1
                  (f64.add
                    (f64.load offset=8 (local.get $at))
                    (f64.load offset=8
                      (i32.add (local.get $shift) (i32.shl (local.get $run) (i32.const 4))))))
                (if
                  (i32.or
                    (i32.eq (local.get $chosen) (i32.const -1))
                    (i32.or
                      (f64.gt (local.get $u0) (local.get $chosenU0))
                      (i32.and
                        (f64.eq (local.get $u0) (local.get $chosenU0))
                        (i32.or
                          (f64.gt (local.get $u1) (local.get $chosenU1))
                          (i32.and
                            (f64.eq (local.get $u1) (local.get $chosenU1))
                            (i32.lt_u (local.get $number) (local.get $chosenNumber)))))))
                  (then
                    (local.set $chosen (local.get $run))
                    (local.set $chosenNumber (local.get $number))
                    (local.set $chosenFrom (local.get $from))
                    (local.set $chosenU0 (local.get $u0))
                    (local.set $chosenU1 (local.get $u1))))))
            (local.set $run (i32.add (local.get $run) (i32.const 1)))
            (br $scan)))
        (local.set $at (i32.add (local.get $heads) (i32.shl (local.get $chosen) (i32.const 2))))
        (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
        (if (i32.and (local.get $hasGroup) (f64.eq (local.get $chosenU0) (local.get $groupU0)))
          (then
            ;; same u0 as the group: it becomes the group's best if its u1 is larger (or equal, numbered lower)
            (if
              (i32.or
                (f64.gt (local.get $chosenU1) (local.get $groupU1))
                (i32.and
                  (f64.eq (local.get $chosenU1) (local.get $groupU1))
                  (i32.lt_u (local.get $chosenNumber) (local.get $groupNumber))))
              (then
                (local.set $groupNumber (local.get $chosenNumber))
                (local.set $groupFrom (local.get $chosenFrom))
                (local.set $groupRun (local.get $chosen))
                (local.set $groupU0 (local.get $chosenU0))
                (local.set $groupU1 (local.get $chosenU1)))))
          (else
            ;; a new u0: the finished group's best is kept when no kept point has a u1 as large
            (if (i32.and (local.get $hasGroup) (f64.gt (local.get $groupU1) (local.get $best)))
              (then
                (local.set $at (i32.add (local.get $records) (i32.mul (local.get $kept) (i32.const 24))))
                (f64.store (local.get $at) (local.get $groupU0))
                (f64.store offset=8 (local.get $at) (local.get $groupU1))
                (i32.store offset=16 (local.get $at) (local.get $groupFrom))
                (i32.store offset=20 (local.get $at) (local.get $groupRun))
                (local.set $kept (i32.add (local.get $kept) (i32.const 1)))
                (local.set $best (local.get $groupU1))))
            (local.set $hasGroup (i32.const 1))
            (local.set $groupNumber (local.get $chosenNumber))
            (local.set $groupFrom (local.get $chosenFrom))
            (local.set $groupRun (local.get $chosen))
            (local.set $groupU0 (local.get $chosenU0))
            (local.set $groupU1 (local.get $chosenU1))))
        (local.set $out (i32.add (local.get $out) (i32.const 1)))
        (br $next)))
    (if (i32.and (local.get $hasGroup) (f64.gt (local.get $groupU1) (local.get $best)))
      (then
        (local.set $at (i32.add (local.get $records) (i32.mul (local.get $kept) (i32.const 24))))
        (f64.store (local.get $at) (local.get $groupU0))
        (f64.store offset=8 (local.get $at) (local.get $groupU1))
        (i32.store offset=16 (local.get $at) (local.get $groupFrom))
        (i32.store offset=20 (local.get $at) (local.get $groupRun))
        (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
    (local.get $kept))

  ;; The whole two-party analysis under exact comparison (the negmas semantics) in one call, so that a
  ;; process's first analysis runs no JavaScript loops (issue #17): useful options (frontier.ts,
  ;; usefulOptions), the merge (mergeTwoParties), one witness outcome per point (its rebuild), the
  ;; rational points (analyze.ts, rationalPoints) and the four bargaining solutions over them
  ;; (bargaining/solutions.ts), with the same operations in the same order, bit for bit.
  ;; In, at byte 0: f64 constant0, constant1, reservation0, reservation1; at 256: i32 options per
  ;; issue; from align8(256 + 4 * issues): per issue, per option, f64 (contribution0, contribution1).
  ;; Out: at 32 i32 rational count, 36 outcomes (i32[count * issues], every frontier point), 40 the
  ;; frontier's points (24-byte records, u0 and u1 first), 44 the rational points' indices (i32[rational]); at 48 four
  ;; i32 positions in that list (Nash, Kalai-Smorodinsky, utilitarian, egalitarian; -1: none), at 64
  ;; their four f64 values. Returns the rational count, or -1 when the JavaScript merge must run
  ;; instead (an issue with more than 16 useful options or 32 options, or a stage past `exactUpTo`).
  (func (export "analyze2") (param $issues i32) (param $exactUpTo i32) (param $tolerance f64) (result i32)
    (local $c i32) (local $issue i32) (local $options i32) (local $total i32) (local $meta i32)
    (local $top i32) (local $m i32) (local $stage i32) (local $runs i32) (local $previous i32)
    (local $before i32) (local $candidates i32) (local $shift i32) (local $heads i32) (local $run i32)
    (local $option i32) (local $at i32) (local $count i32) (local $index i32) (local $last i32)
    (local $outcomes i32) (local $rational i32) (local $n i32) (local $r0 f64) (local $r1 f64)
    (local $scores i32) (local $base i32)
    (if (i32.eqz (local.get $issues)) (then (return (i32.const -1))))
    ;; contributions, and where each issue's begin (kept in the per-issue records below)
    (local.set $c (i32.and (i32.add (i32.add (i32.const 256) (i32.shl (local.get $issues) (i32.const 2))) (i32.const 7)) (i32.const -8)))
    (local.set $total (i32.const 0))
    (local.set $issue (i32.const 0))
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $issue) (local.get $issues)))
        (local.set $options (i32.load offset=256 (i32.shl (local.get $issue) (i32.const 2))))
        (if (i32.gt_u (local.get $options) (i32.const 32)) (then (return (i32.const -1))))
        (local.set $total (i32.add (local.get $total) (local.get $options)))
        (local.set $issue (i32.add (local.get $issue) (i32.const 1)))
        (br $count)))
    ;; per stage s a record of 32 bytes: +0 its issue's contributions, +4 its useful options (i32),
    ;; +8 how many, +12 its points (24-byte records, see mergeStage2), +24 how many
    (local.set $meta (i32.add (local.get $c) (i32.shl (local.get $total) (i32.const 4))))
    (local.set $top (i32.add (local.get $meta) (i32.shl (i32.add (local.get $issues) (i32.const 1)) (i32.const 5))))
    (local.set $top (i32.add (local.get $top) (i32.shl (local.get $total) (i32.const 2))))
    (if (i32.eqz (call $reserve (local.get $top))) (then (return (i32.const -1))))
    (local.set $top (i32.add (local.get $meta) (i32.shl (i32.add (local.get $issues) (i32.const 1)) (i32.const 5))))
    (local.set $at (local.get $c))
    (local.set $issue (i32.const 0))
    (block $described
      (loop $describe
        (br_if $described (i32.ge_u (local.get $issue) (local.get $issues)))
        (local.set $m (i32.add (local.get $meta) (i32.shl (local.get $issue) (i32.const 5))))
        (local.set $options (i32.load offset=256 (i32.shl (local.get $issue) (i32.const 2))))
        (i32.store (local.get $m) (local.get $at))
        (i32.store offset=4 (local.get $m) (local.get $top))
        (i32.store offset=8 (local.get $m)
          (call $useful (local.get $at) (local.get $options) (local.get $top)))
        (local.set $top (i32.add (local.get $top) (i32.shl (local.get $options) (i32.const 2))))
        (local.set $at (i32.add (local.get $at) (i32.shl (local.get $options) (i32.const 4))))
        (local.set $issue (i32.add (local.get $issue) (i32.const 1)))
        (br $describe)))
    (local.set $top (i32.and (i32.add (local.get $top) (i32.const 7)) (i32.const -8)))
    (local.set $base (local.get $top))
    ;; stage 0: the constants; stage s's record is at meta + 32 * s (its issue's at 32 * (s - 1))
    (i32.store offset=12 (local.get $meta) (i32.const 0))
    (i32.store offset=24 (local.get $meta) (i32.const 1))
    (local.set $stage (i32.const 1))
    (block $merged
      (loop $merge
        (br_if $merged (i32.gt_u (local.get $stage) (local.get $issues)))
        (local.set $m (i32.add (local.get $meta) (i32.shl (local.get $stage) (i32.const 5))))
        ;; the issue's record is the previous stage's (issue s - 1 at record s - 1)
        (local.set $runs (i32.load offset=8 (i32.sub (local.get $m) (i32.const 32))))
        (local.set $previous (i32.load offset=24 (i32.sub (local.get $m) (i32.const 32))))
        (local.set $before
          (if (result i32) (i32.ge_u (local.get $stage) (i32.const 2))
            (then (i32.load offset=24 (i32.sub (local.get $m) (i32.const 64))))
            (else (i32.const 1))))
        (if
          (i32.or
            (i32.or (i32.eqz (local.get $runs)) (i32.gt_u (local.get $runs) (i32.const 16)))
            (f64.gt
              (f64.div
                (f64.mul (f64.convert_i32_u (local.get $previous)) (f64.convert_i32_u (local.get $previous)))
                (f64.convert_i32_u (local.get $before)))
              (f64.convert_i32_u (local.get $exactUpTo))))
          (then (return (i32.const -1))))
        (local.set $candidates (i32.mul (local.get $previous) (local.get $runs)))
        (local.set $shift (local.get $top))
        (local.set $heads (i32.add (local.get $shift) (i32.shl (local.get $runs) (i32.const 4))))
        (i32.store offset=12 (local.get $m) (i32.add (local.get $heads) (i32.shl (local.get $runs) (i32.const 3))))
        (if (i32.eqz
              (call $reserve
                (i32.add (i32.load offset=12 (local.get $m)) (i32.mul (local.get $candidates) (i32.const 24)))))
          (then (return (i32.const -1))))
        ;; each useful option's contributions, the shift its run adds to the previous stage
        (local.set $run (i32.const 0))
        (block $shifted
          (loop $shifting
            (br_if $shifted (i32.ge_u (local.get $run) (local.get $runs)))
            (local.set $option
              (i32.load (i32.add (i32.load offset=4 (i32.sub (local.get $m) (i32.const 32))) (i32.shl (local.get $run) (i32.const 2)))))
            (local.set $at
              (i32.add (i32.load (i32.sub (local.get $m) (i32.const 32))) (i32.shl (local.get $option) (i32.const 4))))
            (f64.store (i32.add (local.get $shift) (i32.shl (local.get $run) (i32.const 4))) (f64.load (local.get $at)))
            (f64.store offset=8 (i32.add (local.get $shift) (i32.shl (local.get $run) (i32.const 4))) (f64.load offset=8 (local.get $at)))
            (local.set $run (i32.add (local.get $run) (i32.const 1)))
            (br $shifting)))
        (i32.store offset=24 (local.get $m)
          (call $mergeStage2
            (i32.load offset=12 (i32.sub (local.get $m) (i32.const 32)))
            (local.get $previous) (local.get $shift) (local.get $runs) (local.get $heads)
            (i32.load offset=12 (local.get $m))))
        (if (i32.gt_u (i32.load offset=24 (local.get $m)) (local.get $exactUpTo)) (then (return (i32.const -1))))
        ;; the next stage begins right after the points kept (only those were written)
        (local.set $top
          (i32.add (i32.load offset=12 (local.get $m)) (i32.mul (i32.load offset=24 (local.get $m)) (i32.const 24))))
        (local.set $stage (i32.add (local.get $stage) (i32.const 1)))
        (br $merge)))
    (local.set $m (i32.add (local.get $meta) (i32.shl (local.get $issues) (i32.const 5))))
    (local.set $count (i32.load offset=24 (local.get $m)))
    (local.set $last (i32.load offset=12 (local.get $m)))
    ;; room for the outcomes, the rational indices and six f64 quantities per rational point. Once
    ;; the witnesses are rebuilt only the last stage is read: the indices and quantities go where the
    ;; earlier stages were when they fit there, in pages already touched (each fresh page a fault).
    (local.set $outcomes (local.get $top))
    (local.set $rational
      (i32.and
        (i32.add (i32.add (local.get $outcomes) (i32.shl (i32.mul (local.get $count) (local.get $issues)) (i32.const 2))) (i32.const 7))
        (i32.const -8)))
    (if (i32.eqz (call $reserve (local.get $rational))) (then (return (i32.const -1))))
    (if
      (i32.le_u
        (i32.add (local.get $base)
          (i32.add
            (i32.and (i32.add (i32.shl (local.get $count) (i32.const 2)) (i32.const 7)) (i32.const -8))
            (i32.mul (local.get $count) (i32.const 48))))
        (local.get $last))
      (then (local.set $rational (local.get $base))))
    (local.set $scores
      (i32.and (i32.add (i32.add (local.get $rational) (i32.shl (local.get $count) (i32.const 2))) (i32.const 7)) (i32.const -8)))
    (if (i32.eqz (call $reserve (i32.add (local.get $scores) (i32.mul (local.get $count) (i32.const 48)))))
      (then (return (i32.const -1))))
    ;; one witness per point: walk back through the stages' parents
    (local.set $index (i32.const 0))
    (block $rebuilt
      (loop $rebuild
        (br_if $rebuilt (i32.ge_u (local.get $index) (local.get $count)))
        (local.set $at (local.get $index))
        (local.set $stage (local.get $issues))
        (block $walked
          (loop $walk
            (br_if $walked (i32.eqz (local.get $stage)))
            (local.set $m (i32.add (local.get $meta) (i32.shl (local.get $stage) (i32.const 5))))
            (i32.store
              (i32.add (local.get $outcomes)
                (i32.shl (i32.add (i32.mul (local.get $index) (local.get $issues)) (i32.sub (local.get $stage) (i32.const 1))) (i32.const 2)))
              (i32.load
                (i32.add (i32.load offset=4 (i32.sub (local.get $m) (i32.const 32)))
                  (i32.shl
                    (i32.load offset=20 (i32.add (i32.load offset=12 (local.get $m)) (i32.mul (local.get $at) (i32.const 24))))
                    (i32.const 2)))))
            (local.set $at
              (i32.load offset=16 (i32.add (i32.load offset=12 (local.get $m)) (i32.mul (local.get $at) (i32.const 24)))))
            (local.set $stage (i32.sub (local.get $stage) (i32.const 1)))
            (br $walk)))
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (br $rebuild)))
    ;; the rational points: every party gets at least its reservation, less the tolerance
    (local.set $r0 (f64.sub (f64.load offset=16 (i32.const 0)) (local.get $tolerance)))
    (local.set $r1 (f64.sub (f64.load offset=24 (i32.const 0)) (local.get $tolerance)))
    (local.set $n (i32.const 0))
    (local.set $index (i32.const 0))
    (block $filtered
      (loop $filter
        (br_if $filtered (i32.ge_u (local.get $index) (local.get $count)))
        (local.set $at (i32.add (local.get $last) (i32.mul (local.get $index) (i32.const 24))))
        (if
          (i32.eqz
            (i32.or
              (f64.lt (f64.load (local.get $at)) (local.get $r0))
              (f64.lt (f64.load offset=8 (local.get $at)) (local.get $r1))))
          (then
            (i32.store (i32.add (local.get $rational) (i32.shl (local.get $n) (i32.const 2))) (local.get $index))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (br $filter)))
    (i32.store offset=32 (i32.const 0) (local.get $n))
    (i32.store offset=36 (i32.const 0) (local.get $outcomes))
    (i32.store offset=40 (i32.const 0) (local.get $last))
    (i32.store offset=44 (i32.const 0) (local.get $rational))
    (call $solutions (local.get $last) (local.get $outcomes) (local.get $issues) (local.get $rational)
      (local.get $n) (local.get $scores) (local.get $tolerance))
    (local.get $n))

  ;; Grows the memory to hold `top` bytes; 0 when it cannot.
  (func $reserve (param $top i32) (result i32)
    (local $have i32)
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.le_u (local.get $top) (local.get $have)) (then (return (i32.const 1))))
    (i32.ne
      (memory.grow
        (i32.shr_u (i32.add (i32.sub (local.get $top) (local.get $have)) (i32.const 65535)) (i32.const 16)))
      (i32.const -1)))

  ;; usefulOptions of frontier.ts for two parties: the options no other option of the issue dominates
  ;; (of equal ones, the first), written to `out`; returns how many.
  (func $useful (param $values i32) (param $options i32) (param $out i32) (result i32)
    (local $option i32) (local $other i32) (local $dominated i32) (local $atLeast i32)
    (local $better i32) (local $difference f64) (local $kept i32) (local $p i32)
    (local.set $option (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $option) (local.get $options)))
        (local.set $dominated (i32.const 0))
        (local.set $other (i32.const 0))
        (block $checked
          (loop $check
            (br_if $checked (i32.or (local.get $dominated) (i32.ge_u (local.get $other) (local.get $options))))
            (if (i32.ne (local.get $other) (local.get $option))
              (then
                (local.set $atLeast (i32.const 1))
                (local.set $better (i32.const 0))
                (local.set $p (i32.const 0))
                (block $compared
                  (loop $compare
                    (br_if $compared (i32.or (i32.eqz (local.get $atLeast)) (i32.ge_u (local.get $p) (i32.const 2))))
                    (local.set $difference
                      (f64.sub
                        (f64.load (i32.add (local.get $values) (i32.add (i32.shl (local.get $other) (i32.const 4)) (i32.shl (local.get $p) (i32.const 3)))))
                        (f64.load (i32.add (local.get $values) (i32.add (i32.shl (local.get $option) (i32.const 4)) (i32.shl (local.get $p) (i32.const 3)))))))
                    (if (f64.lt (local.get $difference) (f64.const 0))
                      (then (local.set $atLeast (i32.const 0)))
                      (else (if (f64.gt (local.get $difference) (f64.const 0)) (then (local.set $better (i32.const 1))))))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $compare)))
                (local.set $dominated
                  (i32.and (local.get $atLeast)
                    (i32.or (local.get $better) (i32.lt_u (local.get $other) (local.get $option)))))))
            (local.set $other (i32.add (local.get $other) (i32.const 1)))
            (br $check)))
        (if (i32.eqz (local.get $dominated))
          (then
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $kept) (i32.const 2))) (local.get $option))
            (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
        (local.set $option (i32.add (local.get $option) (i32.const 1)))
        (br $each)))
    (local.get $kept))

  ;; bargainingSolutions over the rational points (positions k of `rational`), as solutions.ts
  ;; computes them: per point its gains' sum, product and minimum, its utility sum and its
  ;; Kalai-Smorodinsky spread (six f64 arrays of n at `scores`), then the best of each.
  (func $solutions (param $values i32) (param $outcomes i32) (param $issues i32) (param $rational i32)
    (param $n i32) (param $scores i32) (param $tolerance f64)
    (local $k i32) (local $at i32) (local $u0 f64) (local $u1 f64) (local $g0 f64) (local $g1 f64)
    (local $ideal0 f64) (local $ideal1 f64) (local $r0 f64) (local $r1 f64) (local $range0 f64)
    (local $range1 f64) (local $s0 f64) (local $s1 f64) (local $largest f64) (local $smallest f64)
    (local $gainSum i32) (local $product i32) (local $minimumGain i32) (local $utilitySum i32)
    (local $spread i32) (local $negatedSpread i32) (local $defined i32) (local $chosen i32)
    (local.set $gainSum (local.get $scores))
    (local.set $product (i32.add (local.get $gainSum) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $minimumGain (i32.add (local.get $product) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $utilitySum (i32.add (local.get $minimumGain) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $spread (i32.add (local.get $utilitySum) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $negatedSpread (i32.add (local.get $spread) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $r0 (f64.load offset=16 (i32.const 0)))
    (local.set $r1 (f64.load offset=24 (i32.const 0)))
    (local.set $ideal0 (f64.const -inf))
    (local.set $ideal1 (f64.const -inf))
    (local.set $k (i32.const 0))
    (block $gained
      (loop $gains
        (br_if $gained (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $at
          (i32.add (local.get $values)
            (i32.mul (i32.load (i32.add (local.get $rational) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 24))))
        (local.set $u0 (f64.load (local.get $at)))
        (local.set $u1 (f64.load offset=8 (local.get $at)))
        (local.set $g0 (f64.sub (local.get $u0) (local.get $r0)))
        (local.set $g1 (f64.sub (local.get $u1) (local.get $r1)))
        (local.set $at (i32.shl (local.get $k) (i32.const 3)))
        (f64.store (i32.add (local.get $gainSum) (local.get $at))
          (f64.add (f64.add (f64.const 0) (local.get $g0)) (local.get $g1)))
        (f64.store (i32.add (local.get $product) (local.get $at))
          (f64.mul (f64.mul (f64.const 1) (local.get $g0)) (local.get $g1)))
        (f64.store (i32.add (local.get $minimumGain) (local.get $at))
          (f64.min (f64.min (f64.const inf) (local.get $g0)) (local.get $g1)))
        (f64.store (i32.add (local.get $utilitySum) (local.get $at))
          (f64.add (f64.add (f64.const 0) (local.get $u0)) (local.get $u1)))
        (local.set $ideal0 (f64.max (local.get $ideal0) (local.get $u0)))
        (local.set $ideal1 (f64.max (local.get $ideal1) (local.get $u1)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $gains)))
    ;; Kalai-Smorodinsky is undefined when some party cannot gain at all
    (local.set $range0 (f64.sub (local.get $ideal0) (local.get $r0)))
    (local.set $range1 (f64.sub (local.get $ideal1) (local.get $r1)))
    (local.set $defined
      (i32.and (i32.gt_u (local.get $n) (i32.const 0))
        (i32.and (f64.gt (local.get $range0) (local.get $tolerance)) (f64.gt (local.get $range1) (local.get $tolerance)))))
    (local.set $k (i32.const 0))
    (block $spread
      (loop $spreads
        (br_if $spread (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $at
          (i32.add (local.get $values)
            (i32.mul (i32.load (i32.add (local.get $rational) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 24))))
        (local.set $s0
          (if (result f64) (f64.gt (local.get $range0) (f64.const 0))
            (then (f64.div (f64.sub (f64.load (local.get $at)) (local.get $r0)) (local.get $range0)))
            (else (f64.const 1))))
        (local.set $s1
          (if (result f64) (f64.gt (local.get $range1) (f64.const 0))
            (then (f64.div (f64.sub (f64.load offset=8 (local.get $at)) (local.get $r1)) (local.get $range1)))
            (else (f64.const 1))))
        (local.set $largest (f64.max (f64.max (f64.const -inf) (local.get $s0)) (local.get $s1)))
        (local.set $smallest (f64.min (f64.min (f64.const inf) (local.get $s0)) (local.get $s1)))
        (local.set $at (i32.shl (local.get $k) (i32.const 3)))
        (f64.store (i32.add (local.get $spread) (local.get $at)) (f64.sub (local.get $largest) (local.get $smallest)))
        (f64.store (i32.add (local.get $negatedSpread) (local.get $at)) (f64.sub (local.get $smallest) (local.get $largest)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $spreads)))
    (local.set $chosen (call $best (local.get $product) (local.get $gainSum) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
    (call $report (i32.const 0) (local.get $chosen) (local.get $product))
    (local.set $chosen
      (if (result i32) (local.get $defined)
        (then (call $best (local.get $negatedSpread) (local.get $gainSum) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
        (else (i32.const -1))))
    (call $report (i32.const 1) (local.get $chosen) (local.get $spread))
    (local.set $chosen (call $best (local.get $utilitySum) (local.get $gainSum) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
    (call $report (i32.const 2) (local.get $chosen) (local.get $utilitySum))
    (local.set $chosen (call $best (local.get $minimumGain) (local.get $gainSum) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
    (call $report (i32.const 3) (local.get $chosen) (local.get $minimumGain)))

  ;; Solution `which`: its position in the rational list (at 48 + 4 * which) and value (64 + 8 * which).
  (func $report (param $which i32) (param $chosen i32) (param $values i32)
    (i32.store offset=48 (i32.shl (local.get $which) (i32.const 2)) (local.get $chosen))
    (f64.store offset=64 (i32.shl (local.get $which) (i32.const 3))
      (if (result f64) (i32.lt_s (local.get $chosen) (i32.const 0))
        (then (f64.const 0))
        (else (f64.load (i32.add (local.get $values) (i32.shl (local.get $chosen) (i32.const 3))))))))

  ;; |a - b| <= 1e-12 * max(1, |a|, |b|): solutions.ts's isTie
  (func $tie (param $a f64) (param $b f64) (result i32)
    (f64.le
      (f64.abs (f64.sub (local.get $a) (local.get $b)))
      (f64.mul (f64.const 1e-12)
        (f64.max (f64.max (f64.const 1) (f64.abs (local.get $a))) (f64.abs (local.get $b))))))

  ;; solutions.ts's bestIndex: the position maximising `score`, ties (relative 1e-12) broken by the
  ;; larger gain sum, then the outcome first in enumeration order; -1 when there is none.
  (func $best (param $score i32) (param $gainSum i32) (param $rational i32) (param $outcomes i32)
    (param $issues i32) (param $n i32) (result i32)
    (local $k i32) (local $chosen i32) (local $chosenScore f64) (local $value f64) (local $tied i32)
    (local $gain f64) (local $chosenGain f64) (local $before i32) (local $issue i32) (local $a i32)
    (local $b i32) (local $difference i32)
    (local.set $chosen (i32.const -1))
    (local.set $chosenScore (f64.const -inf))
    (local.set $k (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $value (f64.load (i32.add (local.get $score) (i32.shl (local.get $k) (i32.const 3)))))
        (if (i32.eq (local.get $chosen) (i32.const -1))
          (then (local.set $before (i32.const 1)))
          (else
            (local.set $tied (call $tie (local.get $value) (local.get $chosenScore)))
            (local.set $gain (f64.load (i32.add (local.get $gainSum) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $chosenGain (f64.load (i32.add (local.get $gainSum) (i32.shl (local.get $chosen) (i32.const 3)))))
            (local.set $before
              (i32.or
                (i32.and (i32.eqz (local.get $tied)) (f64.gt (local.get $value) (local.get $chosenScore)))
                (i32.and (local.get $tied)
                  (i32.or
                    (f64.gt (local.get $gain) (f64.add (local.get $chosenGain) (f64.const 1e-12)))
                    (i32.and
                      (f64.le (f64.abs (f64.sub (local.get $gain) (local.get $chosenGain))) (f64.const 1e-12))
                      (block $lexicographic (result i32)
                        ;; the first issue whose options differ decides
                        (local.set $a
                          (i32.add (local.get $outcomes)
                            (i32.shl (i32.mul (i32.load (i32.add (local.get $rational) (i32.shl (local.get $k) (i32.const 2)))) (local.get $issues)) (i32.const 2))))
                        (local.set $b
                          (i32.add (local.get $outcomes)
                            (i32.shl (i32.mul (i32.load (i32.add (local.get $rational) (i32.shl (local.get $chosen) (i32.const 2)))) (local.get $issues)) (i32.const 2))))
                        (local.set $issue (i32.const 0))
                        (loop $compare
                          (if (i32.lt_u (local.get $issue) (local.get $issues))
                            (then
                              (local.set $difference
                                (i32.sub
                                  (i32.load (i32.add (local.get $a) (i32.shl (local.get $issue) (i32.const 2))))
                                  (i32.load (i32.add (local.get $b) (i32.shl (local.get $issue) (i32.const 2))))))
                              (br_if $lexicographic (i32.lt_s (local.get $difference) (i32.const 0))
                                (i32.ne (local.get $difference) (i32.const 0)))
                              (local.set $issue (i32.add (local.get $issue) (i32.const 1)))
                              (br $compare))))
                        (i32.const 0)))))))))
        (if (local.get $before)
          (then
            (local.set $chosen (local.get $k))
            (local.set $chosenScore (local.get $value))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $each)))
    (local.get $chosen)))

