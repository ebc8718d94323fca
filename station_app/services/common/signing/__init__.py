"""Digital signatures of check-up records (QĐ 1551: CKS_NGUOI_KHAM, CKS_NGUOI_KET_LUAN, CKS_BENH_VIEN).

``certificates``: reading certificates and checking them for signing; ``signers``: a key in a file (PKCS#12) or on a
USB token (PKCS#11); ``xmldsig``: enveloped XML Signatures that stock ``xmlsec1`` verifies; ``training_ca``:
throwaway certificates for the training station and the tests. No Qt, no database.
"""
