//! Gives back the pages of the app's relocation table once the loader is done with them.
//!
//! The app is a position-independent executable: before `main`, the dynamic loader reads its
//! whole relocation table (`.rela.dyn`, about 3 MiB: one entry for every pointer the binary
//! holds) to fix those pointers for the address the binary was loaded at, and never reads it
//! again. The table's pages stay mapped all the same, and count in the app's memory until it
//! exits. They are clean pages of the binary's read-only file mapping, so telling the kernel
//! they are not needed (`MADV_DONTNEED`) unmaps them at no risk: were anything to read them
//! again, it would get them back from the file as they were.

/// Unmaps the relocation table's whole pages. Returns the bytes given back (zero where the
/// platform or the binary has no such table); a failure only leaves the pages where they were.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub fn release_relocation_table() -> usize {
    match relocation_table() {
        Some(table) if lies_in_read_only_segment(&table) => release_pages(table),
        _ => 0,
    }
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
pub fn release_relocation_table() -> usize {
    0
}

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
mod elf {
    /// An entry of the executable's dynamic section (`Elf64_Dyn`).
    #[repr(C)]
    pub struct Dynamic {
        pub tag: i64,
        pub value: u64,
    }

    /// A program header (`Elf64_Phdr`): one segment of the executable.
    #[repr(C)]
    pub struct Segment {
        pub kind: u32,
        pub flags: u32,
        pub offset: u64,
        pub address: u64,
        pub physical_address: u64,
        pub size_in_file: u64,
        pub size_in_memory: u64,
        pub alignment: u64,
    }

    pub const PT_LOAD: u32 = 1;
    pub const PF_W: u32 = 2;
    /// Where the ELF header (`Elf64_Ehdr`) says its program headers start, and their count.
    pub const E_PHOFF: usize = 32;
    pub const E_PHNUM: usize = 56;

    pub const DT_NULL: i64 = 0;
    pub const DT_RELA: i64 = 7;
    pub const DT_RELASZ: i64 = 8;

    extern "C" {
        /// The executable's ELF header, where the linker placed its first byte: the address
        /// the binary was loaded at, as every section's address is counted from zero.
        pub static __ehdr_start: u8;
        /// The executable's dynamic section, which names the relocation table and its size.
        pub static _DYNAMIC: [Dynamic; 0];
        pub fn madvise(address: *mut core::ffi::c_void, length: usize, advice: core::ffi::c_int) -> core::ffi::c_int;
        pub fn sysconf(name: core::ffi::c_int) -> core::ffi::c_long;
    }

    pub const MADV_DONTNEED: core::ffi::c_int = 4;
    pub const SC_PAGESIZE: core::ffi::c_int = 30;
}

/// Where the relocation table is in memory, and how long it is.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
pub(crate) fn relocation_table() -> Option<std::ops::Range<usize>> {
    // Both symbols are defined by the linker in every dynamically linked executable; only their
    // addresses are taken here.
    let base = &raw const elf::__ehdr_start as usize;
    let mut entry = &raw const elf::_DYNAMIC as *const elf::Dynamic;
    let (mut start, mut length) = (None, None);
    loop {
        // SAFETY: the dynamic section is read up to its DT_NULL entry, as the loader reads it.
        let dynamic = unsafe { &*entry };
        match dynamic.tag {
            elf::DT_NULL => break,
            elf::DT_RELA => start = Some(dynamic.value as usize),
            elf::DT_RELASZ => length = Some(dynamic.value as usize),
            _ => {}
        }
        // SAFETY: not past the DT_NULL entry, which ends the section.
        entry = unsafe { entry.add(1) };
    }
    // glibc's loader rewrites the table's address in place to where it was loaded; another
    // loader may leave it counted from the start of the binary.
    let start = start.map(|address| if address < base { base + address } else { address })?;
    Some(start..start + length?)
}

/// Whether `range` lies in a segment the program cannot write: only there are its pages sure to
/// be the file's, never a copy the loader changed, which unmapping would lose.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn lies_in_read_only_segment(range: &std::ops::Range<usize>) -> bool {
    let base = &raw const elf::__ehdr_start as usize;
    // SAFETY: the ELF header is mapped at `base` for the life of the process, and the program
    // headers it names lie in the first segment, mapped with it.
    let segments = unsafe {
        let first = base + std::ptr::read_unaligned((base + elf::E_PHOFF) as *const u64) as usize;
        let count = std::ptr::read_unaligned((base + elf::E_PHNUM) as *const u16) as usize;
        std::slice::from_raw_parts(first as *const elf::Segment, count)
    };
    segments.iter().filter(|segment| segment.kind == elf::PT_LOAD).any(|segment| {
        let start = base + segment.address as usize;
        let end = start + segment.size_in_memory as usize;
        start <= range.start && range.end <= end && segment.flags & elf::PF_W == 0
    })
}

/// Unmaps the pages wholly inside `range`, and returns how many bytes that was.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn release_pages(range: std::ops::Range<usize>) -> usize {
    // SAFETY: sysconf has no preconditions.
    let page = match unsafe { elf::sysconf(elf::SC_PAGESIZE) } {
        size if size > 0 => size as usize,
        _ => return 0,
    };
    let first = range.start.div_ceil(page) * page;
    let end = range.end / page * page;
    if end <= first {
        return 0;
    }
    // SAFETY: the pages lie in the executable's read-only mapping of its own file, which nothing
    // writes; dropping them loses nothing, as the kernel reads them from the file if touched.
    let result = unsafe { elf::madvise(first as *mut core::ffi::c_void, end - first, elf::MADV_DONTNEED) };
    if result == 0 {
        end - first
    } else {
        0
    }
}

#[cfg(all(test, target_os = "linux", target_pointer_width = "64"))]
mod tests {
    use super::*;

    /// The address range a line of `/proc/self/maps` or `/proc/self/smaps` describes, when it
    /// is a mapping's first line (`start-end perms ...`).
    fn mapping_range(line: &str) -> Option<std::ops::Range<usize>> {
        let (range, _) = line.split_once(' ')?;
        let (start, end) = range.split_once('-')?;
        Some(usize::from_str_radix(start, 16).ok()?..usize::from_str_radix(end, 16).ok()?)
    }

    /// The resident size, in KiB, of the mapping of this test binary that holds `address`.
    fn resident_kib_of_mapping_at(address: usize) -> u64 {
        let smaps = std::fs::read_to_string("/proc/self/smaps").expect("this process's smaps");
        let mut inside = false;
        for line in smaps.lines() {
            if let Some(mapping) = mapping_range(line) {
                inside = mapping.contains(&address);
                continue;
            }
            if inside {
                if let Some(kib) = line.strip_prefix("Rss:") {
                    return kib.trim().trim_end_matches("kB").trim().parse().expect("a size in kB");
                }
            }
        }
        panic!("no mapping holds {address:#x}");
    }

    fn checksum(range: &std::ops::Range<usize>) -> u64 {
        // SAFETY: the range is the executable's relocation table, mapped read-only for the life
        // of the process.
        let table = unsafe { std::slice::from_raw_parts(range.start as *const u8, range.len()) };
        table
            .chunks(8)
            .fold(0u64, |sum, chunk| sum.rotate_left(5) ^ chunk.iter().fold(0, |w, b| w << 8 | u64::from(*b)))
    }

    #[test]
    fn the_relocation_table_is_found_inside_this_executable() {
        let table = relocation_table().expect("a position-independent executable has a relocation table");
        assert!(
            table.len() >= 24 && table.len().is_multiple_of(24),
            "{} bytes is not a whole number of entries",
            table.len()
        );
        let maps = std::fs::read_to_string("/proc/self/maps").expect("this process's maps");
        let executable = std::fs::read_link("/proc/self/exe").expect("this executable's path");
        let holder = maps
            .lines()
            .find(|line| {
                let mapping = mapping_range(line).expect("each line of maps is a mapping");
                mapping.start <= table.start && table.end <= mapping.end
            })
            .expect("one mapping holds the whole table");
        assert!(holder.ends_with(&*executable.to_string_lossy()), "the table lies in {holder}");
        assert!(holder.split_whitespace().nth(1) == Some("r--p"), "the table's mapping is not read-only: {holder}");
    }

    #[test]
    fn the_table_is_found_in_a_segment_the_program_cannot_write_and_nothing_else_is() {
        let table = relocation_table().expect("a relocation table");
        assert!(lies_in_read_only_segment(&table));
        let writable = &raw const WRITTEN as usize;
        assert!(!lies_in_read_only_segment(&(writable..writable + 8)), "a static the program writes is refused");
    }

    static WRITTEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

    #[test]
    fn releasing_the_table_unmaps_its_pages_and_keeps_its_content() {
        let table = relocation_table().expect("a relocation table");
        let before = checksum(&table);
        let resident_before = resident_kib_of_mapping_at(table.start);
        let released = release_relocation_table();
        let resident_after = resident_kib_of_mapping_at(table.start);
        assert!(released > 0, "no whole page of the {} bytes was released", table.len());
        assert!(released <= table.len());
        // Other threads of the test run may read other parts of the same mapping meanwhile, so
        // half of what was released is asked for, not all of it.
        assert!(
            resident_after + released as u64 / 1024 / 2 <= resident_before,
            "{released} bytes released, but the mapping went from {resident_before} to {resident_after} KiB"
        );
        assert_eq!(checksum(&table), before, "the table reads back as it was, from the file");
    }
}
