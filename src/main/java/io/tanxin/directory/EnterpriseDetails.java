package io.tanxin.directory;

/** The writable fields of an enterprise, as a create or update carries them. */
public record EnterpriseDetails(String nameZh, String nameEn, String regionCode, String industryCode,
        SizeClass sizeClass, TransitionStage transitionStage, String parkCode) {
}
