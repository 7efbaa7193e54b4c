import Cameras
import Faults

extension PictureFaults {
    /// The picture faults of a camera-wide media profile (a frozen picture, a resolution
    /// change), whose times count from `origin` on the monotonic clock. The profile is
    /// copied: a changed profile makes new picture faults.
    init(_ media: MediaFaultProfile, origin: Int64) {
        let frozen = media.frozenPicture
        self.init(
            isFrozen: { now in frozen?.isActive(at: now - origin) ?? false },
            resolution: { now in media.resolution(at: now - origin).map { PictureSize(width: $0.width, height: $0.height) } }
        )
    }
}

extension CameraRegistry.Camera {
    /// Replaces the camera-wide fault profile: viewers pick it up on their next frame, and
    /// the streams are handed their new picture faults.
    func setFaultProfile(_ profile: FaultProfile) {
        faults.setProfile(profile)
        let picture = PictureFaults(profile.media, origin: faults.origin)
        for stream in streams { stream.setPictureFaults(picture) }
    }
}
