package org.vaerepro.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import org.vaerepro.io.Preconditions;

/**
 * The user's own images as a dataset: {@code train} and {@code test} folders laid out as
 * {@code <folder>/<class>/<image>.png|jpg}, with the same class folders in both, read as
 * {@code channels} (1 grey, 3 RGB) images of {@code height} x {@code width}. Paths are absolute (a suite
 * file's relative paths are resolved against the suite's folder when it is read).
 */
public record ImageFolderReference(String name, @JsonSerialize(using = ToStringSerializer.class) Path train,
        @JsonSerialize(using = ToStringSerializer.class) Path test, int channels, int height, int width)
        implements DatasetReference {

    public ImageFolderReference {
        Preconditions.notBlank(name, "image folder dataset name");
        Preconditions.notNull(train, "train folder");
        Preconditions.notNull(test, "test folder");
        Preconditions.check(channels == 1 || channels == 3, "channels must be 1 or 3, got " + channels);
        Preconditions.positive(height, "height");
        Preconditions.positive(width, "width");
    }

    @Override
    @JsonIgnore
    public String id() {
        return name;
    }

    @Override
    @JsonIgnore
    public ImageShape shape() {
        return new ImageShape(channels, height, width);
    }

    public Path root(Split split) {
        return split == Split.TRAIN ? train : test;
    }

    /** Opens one split's folder, checking its images have the declared size. */
    ImageDataset open(Split split) {
        Path root = root(split);
        ImageFolderDataset images = ImageFolderDataset.open(root, name + "/" + split.id(), channels);
        if (!images.shape().equals(shape())) {
            throw new DatasetFormatException(root, "holds " + images.shape().height() + "x" + images.shape().width()
                    + " images, but dataset '" + name + "' declares " + height + "x" + width);
        }
        return images;
    }
}
