/*
 * main.c - the hoso command: global options, then one subcommand.
 */
#include <stdio.h>

#include "core/banned.h"

int main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	puts("hoso " HOSO_VERSION);
	return 0;
}
