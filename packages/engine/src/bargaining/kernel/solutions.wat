;; The four bargaining solutions over a frontier of any number of parties (solutions.ts says what
;; each is), in WebAssembly so that a process's first analysis computes them in compiled code: in
;; JavaScript it ran in baseline code, which boxes every double it computes, and on KillerRobot's
;; 11 997 points (5 parties) that was 3 MB of heap numbers and a garbage collection inside the
;; analysis. The same operations in the same order as the JavaScript it replaces, so the same
;; bits. The two-party analysis has its own copy in merge-stage2.wat, inside its one call.
;; Build: `node packages/engine/scripts/build-kernels.mjs` (writes solutions-wasm.ts).
(module
  (memory (export "memory") 1)

  ;; |a - b| <= 1e-12 * max(1, |a|, |b|): a tie between two scores
  (func $tie (param $a f64) (param $b f64) (result i32)
    (f64.le
      (f64.abs (f64.sub (local.get $a) (local.get $b)))
      (f64.mul (f64.const 1e-12)
        (f64.max (f64.max (f64.const 1) (f64.abs (local.get $a))) (f64.abs (local.get $b))))))

  ;; 1 when outcome $a (i32[issues]) comes before outcome $b in enumeration order
  (func $enumeratedBefore (param $a i32) (param $b i32) (param $issues i32) (result i32)
    (local $issue i32) (local $difference i32)
    (block $decided
      (loop $compare
        (br_if $decided (i32.ge_s (local.get $issue) (local.get $issues)))
        (local.set $difference
          (i32.sub (i32.load (local.get $a)) (i32.load (local.get $b))))
        (if (i32.ne (local.get $difference) (i32.const 0))
          (then (return (i32.lt_s (local.get $difference) (i32.const 0)))))
        (local.set $a (i32.add (local.get $a) (i32.const 4)))
        (local.set $b (i32.add (local.get $b) (i32.const 4)))
        (local.set $issue (i32.add (local.get $issue) (i32.const 1)))
        (br $compare)))
    (i32.const 0))

  ;; The position k < n maximising `score` (f64[n]); scores that tie go to the larger gain sum
  ;; (f64[n] at $gainSum, more than 1e-12 larger), then, gain sums within 1e-12, to the outcome
  ;; first in enumeration order (point rational[k] of $outcomes); -1 when n is 0.
  (func $best (param $score i32) (param $gainSum i32) (param $rational i32) (param $outcomes i32)
    (param $issues i32) (param $n i32) (result i32)
    (local $k i32) (local $chosen i32) (local $chosenScore f64) (local $value f64) (local $tied i32)
    (local $gain f64) (local $chosenGain f64) (local $better i32)
    (local.set $chosen (i32.const -1))
    (local.set $chosenScore (f64.const -inf))
    (block $done
      (loop $each
        (br_if $done (i32.ge_s (local.get $k) (local.get $n)))
        (local.set $value (f64.load (i32.add (local.get $score) (i32.shl (local.get $k) (i32.const 3)))))
        (if (i32.eq (local.get $chosen) (i32.const -1))
          (then (local.set $better (i32.const 1)))
          (else
            (local.set $tied (call $tie (local.get $value) (local.get $chosenScore)))
            (local.set $gain (f64.load (i32.add (local.get $gainSum) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $chosenGain (f64.load (i32.add (local.get $gainSum) (i32.shl (local.get $chosen) (i32.const 3)))))
            (local.set $better (i32.and (i32.eqz (local.get $tied)) (f64.gt (local.get $value) (local.get $chosenScore))))
            (if (local.get $tied)
              (then
                (if (f64.gt (local.get $gain) (f64.add (local.get $chosenGain) (f64.const 1e-12)))
                  (then (local.set $better (i32.const 1)))
                  (else
                    (if (f64.le (f64.abs (f64.sub (local.get $gain) (local.get $chosenGain))) (f64.const 1e-12))
                      (then
                        (local.set $better
                          (call $enumeratedBefore
                            (call $outcomeAt (local.get $outcomes) (local.get $rational) (local.get $k) (local.get $issues))
                            (call $outcomeAt (local.get $outcomes) (local.get $rational) (local.get $chosen) (local.get $issues))
                            (local.get $issues)))))))))))
        (if (local.get $better)
          (then
            (local.set $chosen (local.get $k))
            (local.set $chosenScore (local.get $value))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $each)))
    (local.get $chosen))

  ;; The address of the outcome of rational point k
  (func $outcomeAt (param $outcomes i32) (param $rational i32) (param $k i32) (param $issues i32) (result i32)
    (i32.add (local.get $outcomes)
      (i32.shl
        (i32.mul (i32.load (i32.add (local.get $rational) (i32.shl (local.get $k) (i32.const 2)))) (local.get $issues))
        (i32.const 2))))

  ;; Solution `which`: its position among the rational points (i32 at $result + 4 + 4 · which) and
  ;; its value (f64 at $result + 24 + 8 · which; 0 without a solution).
  (func $report (param $result i32) (param $which i32) (param $chosen i32) (param $values i32)
    (i32.store offset=4 (i32.add (local.get $result) (i32.shl (local.get $which) (i32.const 2))) (local.get $chosen))
    (f64.store offset=24 (i32.add (local.get $result) (i32.shl (local.get $which) (i32.const 3)))
      (if (result f64) (i32.lt_s (local.get $chosen) (i32.const 0))
        (then (f64.const 0))
        (else (f64.load (i32.add (local.get $values) (i32.shl (local.get $chosen) (i32.const 3))))))))

  ;; Byte offsets: $values f64[count · d] (each point's utilities), $outcomes i32[count · issues],
  ;; $reservations f64[d]; out: $rational i32[count] (the positions of the points where every party
  ;; gets at least its reservation less $tolerance, in order), $scores six f64[count] of scratch,
  ;; and at $result: i32 how many points are rational, then i32[4] the solutions' positions among
  ;; them (Nash, Kalai-Smorodinsky, utilitarian, egalitarian; -1 for none) from byte 4, then their
  ;; values as f64[4] from byte 24.
  (func (export "solutions")
    (param $values i32) (param $count i32) (param $d i32) (param $outcomes i32) (param $issues i32)
    (param $reservations i32) (param $tolerance f64) (param $rational i32) (param $scores i32)
    (param $result i32)
    (local $index i32) (local $k i32) (local $n i32) (local $p i32) (local $at i32) (local $isRational i32)
    (local $utility f64) (local $gain f64) (local $gainSum f64) (local $product f64)
    (local $minimumGain f64) (local $utilitySum f64) (local $share f64) (local $range f64)
    (local $largest f64) (local $smallest f64) (local $defined i32) (local $chosen i32)
    (local $gainSums i32) (local $products i32) (local $minimumGains i32) (local $utilitySums i32)
    (local $spreads i32) (local $negatedSpreads i32) (local $ideal i32) (local $ranges i32)
    ;; the rational points, in order
    (block $filtered
      (loop $filter
        (br_if $filtered (i32.ge_s (local.get $index) (local.get $count)))
        (local.set $at (i32.add (local.get $values) (i32.shl (i32.mul (local.get $index) (local.get $d)) (i32.const 3))))
        (local.set $isRational (i32.const 1))
        (local.set $p (i32.const 0))
        (block $checked
          (loop $check
            (br_if $checked (i32.ge_s (local.get $p) (local.get $d)))
            (if (f64.lt
                  (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3))))
                  (f64.sub
                    (f64.load (i32.add (local.get $reservations) (i32.shl (local.get $p) (i32.const 3))))
                    (local.get $tolerance)))
              (then (local.set $isRational (i32.const 0)) (br $checked)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $check)))
        (if (local.get $isRational)
          (then
            (i32.store (i32.add (local.get $rational) (i32.shl (local.get $n) (i32.const 2))) (local.get $index))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (br $filter)))
    (i32.store (local.get $result) (local.get $n))
    (local.set $gainSums (local.get $scores))
    (local.set $products (i32.add (local.get $gainSums) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $minimumGains (i32.add (local.get $products) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $utilitySums (i32.add (local.get $minimumGains) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $spreads (i32.add (local.get $utilitySums) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $negatedSpreads (i32.add (local.get $spreads) (i32.shl (local.get $n) (i32.const 3))))
    ;; the ideal point and the ranges, f64[d] each, after the scores
    (local.set $ideal (i32.add (local.get $negatedSpreads) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $ranges (i32.add (local.get $ideal) (i32.shl (local.get $d) (i32.const 3))))
    (local.set $p (i32.const 0))
    (block $cleared
      (loop $clear
        (br_if $cleared (i32.ge_s (local.get $p) (local.get $d)))
        (f64.store (i32.add (local.get $ideal) (i32.shl (local.get $p) (i32.const 3))) (f64.const -inf))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $clear)))
    ;; each point's gains' sum, product and minimum, and its utility sum
    (block $gained
      (loop $gains
        (br_if $gained (i32.ge_s (local.get $k) (local.get $n)))
        (local.set $at
          (i32.add (local.get $values)
            (i32.shl
              (i32.mul (i32.load (i32.add (local.get $rational) (i32.shl (local.get $k) (i32.const 2)))) (local.get $d))
              (i32.const 3))))
        (local.set $gainSum (f64.const 0))
        (local.set $product (f64.const 1))
        (local.set $minimumGain (f64.const inf))
        (local.set $utilitySum (f64.const 0))
        (local.set $p (i32.const 0))
        (block $summed
          (loop $sum
            (br_if $summed (i32.ge_s (local.get $p) (local.get $d)))
            (local.set $utility (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3)))))
            (local.set $gain
              (f64.sub (local.get $utility)
                (f64.load (i32.add (local.get $reservations) (i32.shl (local.get $p) (i32.const 3))))))
            (local.set $gainSum (f64.add (local.get $gainSum) (local.get $gain)))
            (local.set $product (f64.mul (local.get $product) (local.get $gain)))
            (local.set $minimumGain (f64.min (local.get $minimumGain) (local.get $gain)))
            (local.set $utilitySum (f64.add (local.get $utilitySum) (local.get $utility)))
            (f64.store (i32.add (local.get $ideal) (i32.shl (local.get $p) (i32.const 3)))
              (f64.max
                (f64.load (i32.add (local.get $ideal) (i32.shl (local.get $p) (i32.const 3))))
                (local.get $utility)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $sum)))
        (f64.store (i32.add (local.get $gainSums) (i32.shl (local.get $k) (i32.const 3))) (local.get $gainSum))
        (f64.store (i32.add (local.get $products) (i32.shl (local.get $k) (i32.const 3))) (local.get $product))
        (f64.store (i32.add (local.get $minimumGains) (i32.shl (local.get $k) (i32.const 3))) (local.get $minimumGain))
        (f64.store (i32.add (local.get $utilitySums) (i32.shl (local.get $k) (i32.const 3))) (local.get $utilitySum))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $gains)))
    ;; Kalai-Smorodinsky is undefined when some party cannot gain at all
    (local.set $defined (i32.gt_s (local.get $n) (i32.const 0)))
    (local.set $p (i32.const 0))
    (block $ranged
      (loop $nextRange
        (br_if $ranged (i32.ge_s (local.get $p) (local.get $d)))
        (local.set $range
          (f64.sub
            (f64.load (i32.add (local.get $ideal) (i32.shl (local.get $p) (i32.const 3))))
            (f64.load (i32.add (local.get $reservations) (i32.shl (local.get $p) (i32.const 3))))))
        (f64.store (i32.add (local.get $ranges) (i32.shl (local.get $p) (i32.const 3))) (local.get $range))
        (if (i32.eqz (f64.gt (local.get $range) (local.get $tolerance))) (then (local.set $defined (i32.const 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $nextRange)))
    ;; each point's spread of normalised gains
    (local.set $k (i32.const 0))
    (block $spread
      (loop $spreadNext
        (br_if $spread (i32.ge_s (local.get $k) (local.get $n)))
        (local.set $at
          (i32.add (local.get $values)
            (i32.shl
              (i32.mul (i32.load (i32.add (local.get $rational) (i32.shl (local.get $k) (i32.const 2)))) (local.get $d))
              (i32.const 3))))
        (local.set $largest (f64.const -inf))
        (local.set $smallest (f64.const inf))
        (local.set $p (i32.const 0))
        (block $shared
          (loop $nextShare
            (br_if $shared (i32.ge_s (local.get $p) (local.get $d)))
            (local.set $range (f64.load (i32.add (local.get $ranges) (i32.shl (local.get $p) (i32.const 3)))))
            (local.set $share
              (if (result f64) (f64.gt (local.get $range) (f64.const 0))
                (then
                  (f64.div
                    (f64.sub
                      (f64.load (i32.add (local.get $at) (i32.shl (local.get $p) (i32.const 3))))
                      (f64.load (i32.add (local.get $reservations) (i32.shl (local.get $p) (i32.const 3)))))
                    (local.get $range)))
                (else (f64.const 1))))
            (local.set $largest (f64.max (local.get $largest) (local.get $share)))
            (local.set $smallest (f64.min (local.get $smallest) (local.get $share)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $nextShare)))
        (f64.store (i32.add (local.get $spreads) (i32.shl (local.get $k) (i32.const 3)))
          (f64.sub (local.get $largest) (local.get $smallest)))
        (f64.store (i32.add (local.get $negatedSpreads) (i32.shl (local.get $k) (i32.const 3)))
          (f64.sub (local.get $smallest) (local.get $largest)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $spreadNext)))
    (local.set $chosen
      (call $best (local.get $products) (local.get $gainSums) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
    (call $report (local.get $result) (i32.const 0) (local.get $chosen) (local.get $products))
    (local.set $chosen
      (if (result i32) (local.get $defined)
        (then (call $best (local.get $negatedSpreads) (local.get $gainSums) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
        (else (i32.const -1))))
    (call $report (local.get $result) (i32.const 1) (local.get $chosen) (local.get $spreads))
    (local.set $chosen
      (call $best (local.get $utilitySums) (local.get $gainSums) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
    (call $report (local.get $result) (i32.const 2) (local.get $chosen) (local.get $utilitySums))
    (local.set $chosen
      (call $best (local.get $minimumGains) (local.get $gainSums) (local.get $rational) (local.get $outcomes) (local.get $issues) (local.get $n)))
    (call $report (local.get $result) (i32.const 3) (local.get $chosen) (local.get $minimumGains))))
