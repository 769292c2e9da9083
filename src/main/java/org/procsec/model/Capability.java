package org.procsec.model;

/** A data capability of an item (POLICY 4.1). */
public enum Capability {
    IMAGE_CAPTURE, AUDIO_CAPTURE, LOCAL_STORAGE, NETWORK_INTERFACE, WIRELESS, REMOTE_ACCESS, FIRMWARE_UPDATE
}
