/// Hashing (xxHash64/Twox, BLAKE2b), storage keys, SS58, and key pairs.
public enum ChainCryptoModule {}
