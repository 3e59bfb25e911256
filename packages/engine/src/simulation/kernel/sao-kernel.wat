;; The SAO offer loop between GENIUS time-dependent agents (boulware, linear, conceder), step for
;; step what sao.ts, time-based-agent.ts and bidding.ts do in JavaScript, so that a process's first
;; negotiation runs compiled code (Liftoff compiles a module when it is instantiated) instead of
;; the interpreter. Same doubles in the same order, same mulberry32 draws: the same results.
;; Built by packages/engine/scripts/build-kernels.mjs; layout written by sao-kernel.ts.
;;
;; Header (bytes): 0 party count, 4 issue count, 8 last step, 12 steps of the deadline,
;; 16 option counts (i32[I]), 20 option offsets (i32[I]), 24 result outcome (i32[I]), 28 the
;; offer's generation, 32 the last generation given out.
;; Party p at 64 + 128p: 0 values f64[T], 4 losses f64[T], 8 options by value i32[T], 12 best
;; i32[I], 16 remembered bids, 20 their stride, 24 power code, 28 rng state, 32 constant,
;; 40 reservation, 48 max utility, 56 min utility, 64 floor, 72 range, 80 margin, 88 target
;; time, 96 target, 104 the offer last valued, 108 its generation, 112 its utility. A remembered
;; bid: 0 lowest, 8 highest, 16 known, 20 generation, 24 bid i32[I]. A bid's address and
;; generation name its contents within a run, so a responder values a repeated offer once (as
;; time-based-agent.ts does by identity).
(module
  (memory (export "memory") 1)

  (func $party (param $p i32) (result i32)
    (i32.add (i32.const 64) (i32.shl (local.get $p) (i32.const 7))))

  ;; Options of one issue from best to worst (ties: lower index first), their losses, and the
  ;; party's best outcome, utility range, concession floor and bid margin.
  (func $prepare (param $p i32)
    (local $h i32) (local $issues i32) (local $issue i32) (local $count i32) (local $offset i32)
    (local $values i32) (local $order i32) (local $losses i32) (local $i i32) (local $j i32)
    (local $option i32) (local $value f64) (local $top f64) (local $max f64) (local $min f64)
    (local $slots i32) (local $stride i32) (local $previous i32)
    (local.set $h (call $party (local.get $p)))
    (local.set $issues (i32.load (i32.const 4)))
    (local.set $values (i32.load (local.get $h)))
    (local.set $losses (i32.load offset=4 (local.get $h)))
    (local.set $order (i32.load offset=8 (local.get $h)))
    (local.set $max (f64.load offset=32 (local.get $h)))
    (local.set $min (local.get $max))
    (local.set $issue (i32.const 0))
    (block $done (loop $each
      (br_if $done (i32.ge_s (local.get $issue) (local.get $issues)))
      (local.set $count (i32.load (i32.add (i32.load (i32.const 16)) (i32.shl (local.get $issue) (i32.const 2)))))
      (local.set $offset (i32.load (i32.add (i32.load (i32.const 20)) (i32.shl (local.get $issue) (i32.const 2)))))
      ;; insertion sort of option indices, value descending, index ascending
      (local.set $i (i32.const 0))
      (block $sorted (loop $insert
        (br_if $sorted (i32.ge_s (local.get $i) (local.get $count)))
        (local.set $value (f64.load (i32.add (local.get $values)
          (i32.shl (i32.add (local.get $offset) (local.get $i)) (i32.const 3)))))
        (local.set $j (local.get $i))
        (block $placed (loop $shift
          (br_if $placed (i32.eqz (local.get $j)))
          (local.set $previous (i32.load (i32.add (local.get $order)
            (i32.shl (i32.add (local.get $offset) (i32.sub (local.get $j) (i32.const 1))) (i32.const 2)))))
          (br_if $placed (f64.ge
            (f64.load (i32.add (local.get $values) (i32.shl (i32.add (local.get $offset) (local.get $previous)) (i32.const 3))))
            (local.get $value)))
          (i32.store (i32.add (local.get $order) (i32.shl (i32.add (local.get $offset) (local.get $j)) (i32.const 2)))
            (local.get $previous))
          (local.set $j (i32.sub (local.get $j) (i32.const 1)))
          (br $shift)))
        (i32.store (i32.add (local.get $order) (i32.shl (i32.add (local.get $offset) (local.get $j)) (i32.const 2)))
          (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $insert)))
      ;; losses[rank] = top − value(rank); utility range in issue order
      (local.set $top (f64.load (i32.add (local.get $values) (i32.shl (i32.add (local.get $offset)
        (i32.load (i32.add (local.get $order) (i32.shl (local.get $offset) (i32.const 2))))) (i32.const 3)))))
      (local.set $i (i32.const 0))
      (block $lost (loop $loss
        (br_if $lost (i32.ge_s (local.get $i) (local.get $count)))
        (local.set $option (i32.load (i32.add (local.get $order) (i32.shl (i32.add (local.get $offset) (local.get $i)) (i32.const 2)))))
        (local.set $value (f64.load (i32.add (local.get $values) (i32.shl (i32.add (local.get $offset) (local.get $option)) (i32.const 3)))))
        (f64.store (i32.add (local.get $losses) (i32.shl (i32.add (local.get $offset) (local.get $i)) (i32.const 3)))
          (f64.sub (local.get $top) (local.get $value)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $loss)))
      (i32.store (i32.add (i32.load offset=12 (local.get $h)) (i32.shl (local.get $issue) (i32.const 2)))
        (i32.load (i32.add (local.get $order) (i32.shl (local.get $offset) (i32.const 2)))))
      (local.set $max (f64.add (local.get $max) (local.get $top)))
      (local.set $min (f64.add (local.get $min) (local.get $value)))
      (local.set $issue (i32.add (local.get $issue) (i32.const 1)))
      (br $each)))
    (f64.store offset=48 (local.get $h) (local.get $max))
    (f64.store offset=56 (local.get $h) (local.get $min))
    (f64.store offset=64 (local.get $h) (f64.max (f64.load offset=40 (local.get $h)) (local.get $min)))
    (f64.store offset=72 (local.get $h) (f64.sub (local.get $max) (f64.load offset=64 (local.get $h))))
    (f64.store offset=80 (local.get $h) (f64.mul (f64.const 1e-12)
      (f64.add (f64.add (f64.const 1) (f64.abs (local.get $max))) (f64.abs (local.get $min)))))
    (f64.store offset=88 (local.get $h) (f64.const nan))
    (i32.store offset=104 (local.get $h) (i32.const -1))
    (local.set $slots (i32.load offset=16 (local.get $h)))
    (local.set $stride (i32.load offset=20 (local.get $h)))
    (local.set $i (i32.const 0))
    (block $cleared (loop $clear
      (br_if $cleared (i32.ge_s (local.get $i) (local.get $issues)))
      (i32.store offset=16 (i32.add (local.get $slots) (i32.mul (local.get $i) (local.get $stride))) (i32.const 0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $clear))))

  ;; floor + range·(1 − t^power), remembered for the last time asked (time-based-agent.ts).
  (func $target (param $h i32) (param $time f64) (result f64)
    (local $t f64) (local $raised f64) (local $code i32) (local $square f64)
    (if (f64.ne (local.get $time) (f64.load offset=88 (local.get $h)))
      (then
        (f64.store offset=88 (local.get $h) (local.get $time))
        (local.set $t (select (f64.const 1)
          (select (local.get $time) (f64.const 0) (f64.gt (local.get $time) (f64.const 0)))
          (f64.gt (local.get $time) (f64.const 1))))
        (local.set $code (i32.load offset=24 (local.get $h)))
        (if (i32.eqz (local.get $code))
          (then
            (local.set $square (f64.mul (local.get $t) (local.get $t)))
            (local.set $raised (f64.mul (f64.mul (local.get $square) (local.get $square)) (local.get $t))))
          (else (if (i32.eq (local.get $code) (i32.const 1))
            (then (local.set $raised (local.get $t)))
            (else (if (i32.eq (local.get $code) (i32.const 2))
              (then (local.set $raised (f64.sqrt (local.get $t))))
              (else (local.set $raised (f64.mul (local.get $t) (local.get $t)))))))))
        (f64.store offset=96 (local.get $h)
          (f64.add (f64.load offset=64 (local.get $h))
            (f64.mul (f64.load offset=72 (local.get $h)) (f64.sub (f64.const 1) (local.get $raised)))))))
    (f64.load offset=96 (local.get $h)))

  ;; mulberry32's `int(bound)` (rng.ts).
  (func $draw (param $h i32) (param $bound i32) (result i32)
    (local $state i32) (local $mixed i32)
    (local.set $state (i32.add (i32.load offset=28 (local.get $h)) (i32.const 0x6d2b79f5)))
    (i32.store offset=28 (local.get $h) (local.get $state))
    (local.set $mixed (i32.mul
      (i32.xor (local.get $state) (i32.shr_u (local.get $state) (i32.const 15)))
      (i32.or (local.get $state) (i32.const 1))))
    (local.set $mixed (i32.xor (local.get $mixed) (i32.add (local.get $mixed) (i32.mul
      (i32.xor (local.get $mixed) (i32.shr_u (local.get $mixed) (i32.const 7)))
      (i32.or (local.get $mixed) (i32.const 61))))))
    (i32.trunc_f64_s (f64.floor (f64.mul
      (f64.div
        (f64.convert_i32_u (i32.xor (local.get $mixed) (i32.shr_u (local.get $mixed) (i32.const 14))))
        (f64.const 4294967296))
      (f64.convert_i32_s (local.get $bound))))))

  ;; The greedy pass of bidding.ts from issue `start` into the remembered bid at `slot`.
  (func $greedy (param $h i32) (param $initial f64) (param $start i32) (param $slot i32)
    (local $issues i32) (local $bid i32) (local $best i32) (local $losses i32) (local $order i32)
    (local $slack f64) (local $down f64) (local $up f64) (local $issue i32) (local $position i32)
    (local $count i32) (local $offset i32) (local $first f64) (local $low i32) (local $high i32)
    (local $middle i32) (local $loss f64) (local $i i32)
    (local.set $issues (i32.load (i32.const 4)))
    (local.set $bid (i32.add (local.get $slot) (i32.const 24)))
    (local.set $best (i32.load offset=12 (local.get $h)))
    (local.set $losses (i32.load offset=4 (local.get $h)))
    (local.set $order (i32.load offset=8 (local.get $h)))
    (local.set $i (i32.const 0))
    (block $copied (loop $copy
      (br_if $copied (i32.ge_s (local.get $i) (local.get $issues)))
      (i32.store (i32.add (local.get $bid) (i32.shl (local.get $i) (i32.const 2)))
        (i32.load (i32.add (local.get $best) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $copy)))
    (local.set $slack (local.get $initial))
    (local.set $down (f64.const -inf))
    (local.set $up (f64.const inf))
    (local.set $issue (local.get $start))
    (local.set $position (i32.const 0))
    (block $done (loop $each
      (br_if $done (i32.ge_s (local.get $position) (local.get $issues)))
      (local.set $count (i32.load (i32.add (i32.load (i32.const 16)) (i32.shl (local.get $issue) (i32.const 2)))))
      (local.set $offset (i32.load (i32.add (i32.load (i32.const 20)) (i32.shl (local.get $issue) (i32.const 2)))))
      (local.set $first (if (result f64) (i32.gt_s (local.get $count) (i32.const 1))
        (then (f64.load offset=8 (i32.add (local.get $losses) (i32.shl (local.get $offset) (i32.const 3)))))
        (else (f64.const inf))))
      (if (f64.gt (local.get $first) (local.get $slack))
        (then (local.set $up (f64.min (local.get $up) (f64.sub (local.get $first) (local.get $slack)))))
        (else
          (local.set $low (i32.const 1))
          (local.set $high (i32.sub (local.get $count) (i32.const 1)))
          (block $found (loop $search
            (br_if $found (i32.ge_s (local.get $low) (local.get $high)))
            (local.set $middle (i32.shr_s (i32.add (i32.add (local.get $low) (local.get $high)) (i32.const 1)) (i32.const 1)))
            (if (f64.le (f64.load (i32.add (local.get $losses)
                  (i32.shl (i32.add (local.get $offset) (local.get $middle)) (i32.const 3))))
                (local.get $slack))
              (then (local.set $low (local.get $middle)))
              (else (local.set $high (i32.sub (local.get $middle) (i32.const 1)))))
            (br $search)))
          (if (i32.lt_s (local.get $low) (i32.sub (local.get $count) (i32.const 1)))
            (then (local.set $up (f64.min (local.get $up) (f64.sub
              (f64.load (i32.add (local.get $losses)
                (i32.shl (i32.add (local.get $offset) (i32.add (local.get $low) (i32.const 1))) (i32.const 3))))
              (local.get $slack))))))
          (local.set $loss (f64.load (i32.add (local.get $losses)
            (i32.shl (i32.add (local.get $offset) (local.get $low)) (i32.const 3)))))
          (local.set $down (f64.max (local.get $down) (f64.sub (local.get $loss) (local.get $slack))))
          (i32.store (i32.add (local.get $bid) (i32.shl (local.get $issue) (i32.const 2)))
            (i32.load (i32.add (local.get $order) (i32.shl (i32.add (local.get $offset) (local.get $low)) (i32.const 2)))))
          (local.set $slack (f64.sub (local.get $slack) (local.get $loss)))))
      (local.set $issue (i32.add (local.get $issue) (i32.const 1)))
      (if (i32.eq (local.get $issue) (local.get $issues)) (then (local.set $issue (i32.const 0))))
      (local.set $position (i32.add (local.get $position) (i32.const 1)))
      (br $each)))
    (f64.store (local.get $slot) (f64.add (f64.add (local.get $initial) (local.get $down)) (f64.load offset=80 (local.get $h))))
    (f64.store offset=8 (local.get $slot) (f64.sub (f64.add (local.get $initial) (local.get $up)) (f64.load offset=80 (local.get $h))))
    (i32.store offset=16 (local.get $slot) (i32.const 1))
    (i32.store (i32.const 32) (i32.add (i32.load (i32.const 32)) (i32.const 1)))
    (i32.store offset=20 (local.get $slot) (i32.load (i32.const 32))))

  ;; createBidder's `near(target)`: the address of the bid offered.
  (func $propose (param $h i32) (param $time f64) (result i32)
    (local $slack f64) (local $start i32) (local $slot i32)
    (local.set $slack (f64.sub (f64.load offset=48 (local.get $h)) (call $target (local.get $h) (local.get $time))))
    (if (f64.le (local.get $slack) (f64.const 0))
      (then
        (i32.store (i32.const 28) (i32.const 0))
        (return (i32.load offset=12 (local.get $h)))))
    (local.set $start (call $draw (local.get $h) (i32.load (i32.const 4))))
    (local.set $slot (i32.add (i32.load offset=16 (local.get $h)) (i32.mul (local.get $start) (i32.load offset=20 (local.get $h)))))
    (if (i32.eqz (i32.and (i32.load offset=16 (local.get $slot)) (i32.and
          (f64.ge (local.get $slack) (f64.load (local.get $slot)))
          (f64.le (local.get $slack) (f64.load offset=8 (local.get $slot))))))
      (then (call $greedy (local.get $h) (local.get $slack) (local.get $start) (local.get $slot))))
    (i32.store (i32.const 28) (i32.load offset=20 (local.get $slot)))
    (i32.add (local.get $slot) (i32.const 24)))

  (func $utility (param $h i32) (param $outcome i32) (result f64)
    (local $total f64) (local $issue i32) (local $issues i32) (local $values i32) (local $offsets i32)
    (local.set $total (f64.load offset=32 (local.get $h)))
    (local.set $issues (i32.load (i32.const 4)))
    (local.set $values (i32.load (local.get $h)))
    (local.set $offsets (i32.load (i32.const 20)))
    (block $done (loop $each
      (br_if $done (i32.ge_s (local.get $issue) (local.get $issues)))
      (local.set $total (f64.add (local.get $total) (f64.load (i32.add (local.get $values) (i32.shl (i32.add
        (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $issue) (i32.const 2))))
        (i32.load (i32.add (local.get $outcome) (i32.shl (local.get $issue) (i32.const 2)))))
        (i32.const 3))))))
      (local.set $issue (i32.add (local.get $issue) (i32.const 1)))
      (br $each)))
    (local.get $total))

  ;; runSao: the step of the agreement (its outcome at the result address), or −1.
  (func (export "run") (result i32)
    (local $parties i32) (local $p i32) (local $from i32) (local $step i32) (local $end i32)
    (local $time f64) (local $offer i32) (local $everyone i32) (local $h i32) (local $u f64)
    (local $i i32)
    (local.set $parties (i32.load (i32.const 0)))
    (i32.store (i32.const 32) (i32.const 0))
    (block $ready (loop $prepare
      (br_if $ready (i32.ge_s (local.get $p) (local.get $parties)))
      (call $prepare (local.get $p))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $prepare)))
    (local.set $end (i32.load (i32.const 8)))
    (block $over (loop $steps
      (br_if $over (i32.ge_s (local.get $step) (local.get $end)))
      (local.set $time (f64.div (f64.convert_i32_s (local.get $step)) (f64.convert_i32_s (i32.load (i32.const 12)))))
      (local.set $offer (call $propose (call $party (local.get $from)) (local.get $time)))
      (local.set $everyone (i32.const 1))
      (local.set $p (i32.const 0))
      (block $answered (loop $answers
        (br_if $answered (i32.ge_s (local.get $p) (local.get $parties)))
        (if (i32.ne (local.get $p) (local.get $from))
          (then
            (local.set $h (call $party (local.get $p)))
            (if (i32.or (i32.ne (i32.load offset=104 (local.get $h)) (local.get $offer))
                  (i32.ne (i32.load offset=108 (local.get $h)) (i32.load (i32.const 28))))
              (then
                (i32.store offset=104 (local.get $h) (local.get $offer))
                (i32.store offset=108 (local.get $h) (i32.load (i32.const 28)))
                (f64.store offset=112 (local.get $h) (call $utility (local.get $h) (local.get $offer)))))
            (local.set $u (f64.load offset=112 (local.get $h)))
            (if (i32.eqz (i32.and
                  (f64.ge (local.get $u) (f64.sub (call $target (local.get $h) (local.get $time)) (f64.const 1e-12)))
                  (f64.ge (local.get $u) (f64.sub (f64.load offset=40 (local.get $h)) (f64.const 1e-12)))))
              (then (local.set $everyone (i32.const 0)) (br $answered)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $answers)))
      (if (local.get $everyone)
        (then
          (local.set $i (i32.const 0))
          (block $copied (loop $copy
            (br_if $copied (i32.ge_s (local.get $i) (i32.load (i32.const 4))))
            (i32.store (i32.add (i32.load (i32.const 24)) (i32.shl (local.get $i) (i32.const 2)))
              (i32.load (i32.add (local.get $offer) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $copy)))
          (return (local.get $step))))
      (local.set $from (i32.add (local.get $from) (i32.const 1)))
      (if (i32.eq (local.get $from) (local.get $parties)) (then (local.set $from (i32.const 0))))
      (local.set $step (i32.add (local.get $step) (i32.const 1)))
      (br $steps)))
    (i32.const -1)))
