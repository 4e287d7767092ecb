//! wasmi (the WebAssembly interpreter of Parity/Polkadot, used by Substrate and embedded runtimes): a small
//! module, written here in WAT, whose exported functions are a byte-code state machine (a br_table dispatch loop
//! over a generated program in linear memory), an integer hash loop and recursive calls, interpreted by wasmi's
//! executor. Usage: loopscout-bench-wasmi [STEPS=200000] [ITERATIONS=3]
use loopscout_bench::{arg, mix, run, FNV_START};
use wasmi::{Engine, Linker, Module, Store};

const WAT: &str = r#"
(module
  (memory (export "mem") 1)
  ;; A tiny VM: memory[0..256) holds a program of opcodes 0..5; run executes $steps of them.
  (func (export "vm") (param $steps i32) (result i64)
    (local $pc i32) (local $acc i64) (local $x i64)
    (local.set $x (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $steps)))
        (local.set $steps (i32.sub (local.get $steps) (i32.const 1)))
        (block $halt (block $jmp (block $xor (block $mul (block $sub (block $add
          (br_table $add $sub $mul $xor $jmp $halt (i32.load8_u (local.get $pc))))
          ;; add
          (local.set $acc (i64.add (local.get $acc) (local.get $x)))
          (local.set $pc (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 255)))
          (br $next))
          ;; sub
          (local.set $acc (i64.sub (local.get $acc) (i64.const 3)))
          (local.set $pc (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 255)))
          (br $next))
          ;; mul
          (local.set $x (i64.add (i64.mul (local.get $x) (i64.const 6364136223846793005)) (i64.const 1)))
          (local.set $pc (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 255)))
          (br $next))
          ;; xor
          (local.set $acc (i64.xor (local.get $acc) (i64.shr_u (local.get $x) (i64.const 17))))
          (local.set $pc (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 255)))
          (br $next))
          ;; jmp: to the operand byte at pc+1
          (local.set $pc (i32.load8_u (i32.and (i32.add (local.get $pc) (i32.const 1)) (i32.const 255))))
          (br $next))
        ;; halt: restart the program
        (local.set $pc (i32.const 0))
        (br $next)))
    (local.get $acc))
  (func $hash (export "hash") (param $n i32) (result i64)
    (local $h i64)
    (local.set $h (i64.const 0xcbf29ce484222325))
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $h (i64.mul (i64.xor (local.get $h) (i64.extend_i32_u (local.get $n))) (i64.const 0x100000001b3)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $h))
  (func $fib (export "fib") (param $n i32) (result i64)
    (if (result i64) (i32.lt_u (local.get $n) (i32.const 2))
      (then (i64.extend_i32_u (local.get $n)))
      (else (i64.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
)
"#;

fn main() {
    let steps = arg(0, 200_000) as i32;
    let iterations = arg(1, 3);
    let engine = Engine::default();
    let module = Module::new(&engine, WAT).expect("bad module");
    let mut store = Store::new(&engine, ());
    let instance = Linker::<()>::new(&engine).instantiate_and_start(&mut store, &module).expect("instantiate");
    // the program: opcodes 0..=3 mostly, a jump now and then (operand: target), a halt at the end
    let mem = instance.get_memory(&store, "mem").expect("no memory");
    let mut program = [0u8; 256];
    let mut x: u32 = 12345;
    for i in 0..255 {
        x = x.wrapping_mul(1103515245).wrapping_add(12345);
        program[i] = match (x >> 16) % 16 { 0 => 4, 1..=4 => 0, 5..=8 => 1, 9..=11 => 2, _ => 3 };
        if i > 0 && program[i - 1] == 4 {
            program[i] = ((x >> 8) % 250) as u8;
        }
    }
    program[255] = 5;
    mem.write(&mut store, 0, &program).expect("write program");
    let vm = instance.get_typed_func::<i32, i64>(&store, "vm").expect("vm");
    let hash = instance.get_typed_func::<i32, i64>(&store, "hash").expect("hash");
    let fib = instance.get_typed_func::<i32, i64>(&store, "fib").expect("fib");
    run(iterations, || {
        let a = vm.call(&mut store, steps).expect("vm trapped");
        let b = hash.call(&mut store, steps).expect("hash trapped");
        let c = fib.call(&mut store, 20).expect("fib trapped");
        mix(mix(mix(FNV_START, a as u64), b as u64), c as u64)
    });
}
