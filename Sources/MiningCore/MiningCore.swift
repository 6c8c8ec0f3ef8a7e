import ChainCrypto
/// The pure domain model of an operator's fleet.
public enum MiningCoreModule {}
