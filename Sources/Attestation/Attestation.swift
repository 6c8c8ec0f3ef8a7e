import Scale
import ChainCrypto
import COpenSSL
/// IAS and DCAP attestation verification.
public enum AttestationModule {}
