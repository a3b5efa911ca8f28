/* A module whose wasi-io-main section is not one WASI_IO_MAIN writes. */
__asm__(".section \".custom_section.wasi-io-main\",\"\",@\n"
        ".ascii \"2 in:text\"\n"
        ".text\n");

int main(void)
{
    return 0;
}
