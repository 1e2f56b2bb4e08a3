int leaky() { return 1; }
