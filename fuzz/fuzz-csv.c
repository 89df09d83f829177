/*
 * fuzz-csv.c - libFuzzer target for the CSV reader (import/csv.c): any bytes
 * must open and read to the end or fail with an error code, without
 * crashing or leaking, and every row handed out must keep table.h's
 * promises (rows ascend, cells within the limits, no trailing empty cell).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "table-rows.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_table(data, size, TABLE_CSV);
	return 0;
}
