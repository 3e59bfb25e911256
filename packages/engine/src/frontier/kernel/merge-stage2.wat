;; One merge stage of a two-party Pareto frontier (frontier.ts, `mergeStage2`), in WebAssembly so
;; that the first call in a process runs compiled code: JavaScript would run it in the interpreter.
;; It does what formCandidates + nonDominatedRuns2 + select do, bit for bit: candidate
;; (from, run) = previous[from] + shift[run], numbered from * runs + run; runs are each sorted by
;; u0 descending, so a k-way merge yields all candidates by (u0 desc, u1 desc, number asc); of each
;; group of equal u0 the best (u1 largest, then lowest number) is kept when its u1 beats every
;; kept u1. Build: `node packages/engine/scripts/build-kernel.mjs` (writes merge-stage2-wasm.ts).
(module
  (memory (export "memory") 1)
  ;; Byte offsets: previous f64[2 * previousCount], shift f64[2 * runs], heads i32[runs] (scratch),
  ;; and the kept points' values f64[2 * kept], parent i32[kept] (from) and choice i32[kept] (run).
  ;; Returns the number kept.
  (func (export "mergeStage2")
    (param $previous i32) (param $previousCount i32) (param $shift i32) (param $runs i32)
    (param $heads i32) (param $outValues i32) (param $outParent i32) (param $outChoice i32)
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
                (local.set $at (i32.add (local.get $previous) (i32.shl (local.get $from) (i32.const 4))))
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
                (local.set $at (i32.add (local.get $outValues) (i32.shl (local.get $kept) (i32.const 4))))
                (f64.store (local.get $at) (local.get $groupU0))
                (f64.store offset=8 (local.get $at) (local.get $groupU1))
                (i32.store
                  (i32.add (local.get $outParent) (i32.shl (local.get $kept) (i32.const 2)))
                  (local.get $groupFrom))
                (i32.store
                  (i32.add (local.get $outChoice) (i32.shl (local.get $kept) (i32.const 2)))
                  (local.get $groupRun))
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
        (local.set $at (i32.add (local.get $outValues) (i32.shl (local.get $kept) (i32.const 4))))
        (f64.store (local.get $at) (local.get $groupU0))
        (f64.store offset=8 (local.get $at) (local.get $groupU1))
        (i32.store
          (i32.add (local.get $outParent) (i32.shl (local.get $kept) (i32.const 2)))
          (local.get $groupFrom))
        (i32.store
          (i32.add (local.get $outChoice) (i32.shl (local.get $kept) (i32.const 2)))
          (local.get $groupRun))
        (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
    (local.get $kept)))
